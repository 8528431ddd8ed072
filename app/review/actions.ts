"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireActionUser, requireUser } from "@/lib/server/auth/session";
import { now } from "@/lib/server/clock";
import { AppError } from "@/lib/server/errors";
import { rerateReview, saveReviewSettings, studyLesson, undoLastReview } from "@/lib/server/data/review";
import { rerateSchema, reviewSettingsSchema } from "@/lib/schemas/review";

/** "Add this lesson to my reviews" on a lesson page; opens the review page on that lesson. */
export async function studyLessonAction(formData: FormData) {
  const user = await requireUser();
  const slug = z.string().min(1).max(200).parse(formData.get("lessonSlug"));
  const { added } = await studyLesson(user, slug, await now());
  redirect(`/review?lesson=${encodeURIComponent(slug)}&added=${added}`);
}

export type RerateReply = { ok: true; rating: number; nextDue: Date } | { ok: false; error: string };

/** After a correct answer: "it was Hard" or "it was Easy" instead of Good. */
export async function rerateReviewAction(input: unknown): Promise<RerateReply> {
  try {
    const user = await requireActionUser();
    const parsed = rerateSchema.safeParse(input);
    if (!parsed.success) return { ok: false, error: "Choose Hard, Good or Easy." };
    return { ok: true, ...(await rerateReview(user, parsed.data, await now())) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.message };
    throw error;
  }
}

/** Only paths of the review page may be returned to. */
function reviewPath(value: FormDataEntryValue | null): string {
  const path = typeof value === "string" ? value : "";
  return /^\/review(\?[^\s]*)?$/.test(path) ? path : "/review";
}

export async function undoReviewAction(formData: FormData) {
  const user = await requireActionUser();
  const logId = z.string().min(1).max(50).parse(formData.get("logId"));
  const undone = await undoLastReview(user, logId, await now());
  const back = reviewPath(formData.get("back"));
  redirect(`${back}${back.includes("?") ? "&" : "?"}undone=${undone ? 1 : 0}`);
}

export interface SettingsState {
  ok: boolean;
  message: string;
  errors: Partial<Record<"desiredRetention" | "newCardsPerDay", string>>;
  values: { desiredRetention: string; newCardsPerDay: string };
}

export async function saveReviewSettingsAction(_previous: SettingsState, formData: FormData): Promise<SettingsState> {
  const user = await requireActionUser();
  const values = { desiredRetention: String(formData.get("desiredRetention") ?? "").trim(), newCardsPerDay: String(formData.get("newCardsPerDay") ?? "").trim() };
  const parsed = reviewSettingsSchema.safeParse({ desiredRetention: values.desiredRetention || undefined, newCardsPerDay: values.newCardsPerDay || undefined });
  if (!parsed.success) {
    const errors: SettingsState["errors"] = {};
    for (const issue of parsed.error.issues) errors[issue.path[0] as keyof SettingsState["errors"]] ??= issue.message;
    return { ok: false, message: "", errors, values };
  }
  await saveReviewSettings(user, parsed.data);
  return { ok: true, message: "Saved.", errors: {}, values };
}
