import "server-only";
import { createTranslator } from "next-intl";
import type { Locale } from "@/i18n/config";
import { loadMessages, type MessageTree } from "@/i18n/messages";
import { localizeMessageIn } from "@/i18n/localize-message";
import type { JobView } from "@/lib/server/data/upload-jobs";
import type { MessageRef } from "@/lib/server/errors";
import enJobs from "@/messages/en/upload-jobs.json";

/** What the progress display reads (the status route's reply and the page's first render). */
export interface JobProgressView {
  status: "queued" | "running" | "done" | "failed";
  stage: string;
  stageLabel: string;
  percent: number;
  error: string | null;
  previewUrl: string | null;
}

/**
 * A job's error in the reader's language: a refusal named by key (documents.errors.*, stored with
 * the job) from that key; the job's own messages from upload-jobs.json; the rest as every AppError is.
 */
export function localizeJobError(locale: Locale, message: string, ref?: MessageRef): string {
  if (ref) return localizeMessageIn(locale, message, ref);
  const key = (Object.keys(enJobs.errors) as (keyof typeof enJobs.errors)[]).find((k) => enJobs.errors[k] === message);
  if (!key) return localizeMessageIn(locale, message);
  const t = createTranslator({ locale, messages: { "upload-jobs": loadMessages(locale)["upload-jobs"] as MessageTree }, namespace: "upload-jobs" });
  return t(`errors.${key}` as never);
}

export function jobProgressView(locale: Locale, job: JobView): JobProgressView {
  const t = createTranslator({ locale, messages: { "upload-jobs": loadMessages(locale)["upload-jobs"] as MessageTree }, namespace: "upload-jobs" });
  return {
    status: job.status,
    stage: job.stage,
    stageLabel: t(`stage.${job.stage}` as never),
    percent: job.percent,
    error: job.error ? localizeJobError(locale, job.error, job.errorRef) : null,
    previewUrl: job.status === "done" && job.documentId ? `/instructor/documents/${job.documentId}` : null,
  };
}
