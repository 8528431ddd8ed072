"use client";
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { JobProgressView } from "@/lib/server/upload-job-view";

const POLL_MS = 1000;

/**
 * A document build's progress (decisions/0041): stage and percent, polled from the status route
 * each second. The stage is announced to screen readers (aria-live) when it changes, not every
 * percent. Done: on to the preview. Failed: the page is rendered again and shows the message.
 * Without script the page renders the same state once, with a link to refresh it.
 */
export function JobProgress({ jobId, initial }: { jobId: string; initial: JobProgressView }) {
  const t = useTranslations("upload-jobs");
  const router = useRouter();
  const [job, setJob] = useState(initial);
  const [seconds, setSeconds] = useState(0);
  const started = useRef(0);

  useEffect(() => {
    started.current = Date.now();
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const response = await fetch(`/api/upload-jobs/${encodeURIComponent(jobId)}`, { cache: "no-store" });
        const reply = (await response.json()) as { ok: true; job: JobProgressView } | { ok: false; error: string };
        if (stopped) return;
        if (reply.ok) {
          setJob(reply.job);
          if (reply.job.status === "done" && reply.job.previewUrl) return router.replace(reply.job.previewUrl);
          if (reply.job.status === "failed") return router.refresh();
        }
      } catch {
        // A lost connection: try again at the next tick.
      }
      setSeconds(Math.round((Date.now() - started.current) / 1000));
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobId, router]);

  const done = job.status === "done";
  return (
    <div className="space-y-2" data-testid="job-progress" data-status={job.status}>
      <p className="flex flex-wrap items-center gap-3">
        <progress value={job.percent} max={100} aria-label={t("progressLabel")} aria-valuetext={t("status", { stage: job.stageLabel, percent: job.percent })} className="h-3 w-64" />
        <span className="font-medium">{t("status", { stage: job.stageLabel, percent: job.percent })}</span>
      </p>
      {/* Announced when the stage changes (the percent alone is not announced each second). */}
      <p role="status" aria-live="polite" className="sr-only">
        {done ? t("doneAnnouncement") : job.stageLabel}
      </p>
      <p className="text-sm text-slate-700">{seconds > 0 ? t("elapsed", { seconds }) : " "}</p>
      {done && job.previewUrl && (
        <p>
          <a href={job.previewUrl} className="text-brand-700 underline">
            {t("openPreview")}
          </a>
        </p>
      )}
    </div>
  );
}
