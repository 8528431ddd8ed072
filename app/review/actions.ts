"use server";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { localizeMessage } from "@/i18n/localize-message";
import { z } from "zod";
import { requireActionUser } from "@/lib/server/auth/session";
import { actionId, actionOrFailurePage, actionState, formText, parseField } from "@/lib/server/action-input";
import { now } from "@/lib/server/clock";
import { setUserTimeZone, TIME_ZONE_MESSAGE, type SessionUser } from "@/lib/server/data/users";
import { validTimeZone } from "@/lib/time-zone";
import { AppError } from "@/lib/server/errors";
import { rerateReview, saveReviewSettings, studyLesson, undoLastReview } from "@/lib/server/data/review";
import { rerateSchema, reviewSettingsSchema } from "@/lib/schemas/review";
import { allowFitting, queueParameterFit, chooseDefaultParameters } from "@/lib/server/data/review-fit";

/** "Add this lesson to my reviews" on a lesson page; opens the review page on that lesson. */
export async function studyLessonAction(formData: FormData) {
  const { slug, added, total } = await actionOrFailurePage(async () => {
    const user = await requireActionUser();
    const slug = parseField(z.string().min(1).max(200), formText(formData, "lessonSlug"));
    return { slug, ...(await studyLesson(user, slug, await now())) };
  });
  // `facts`: so the page can tell "nothing was new" from "there is nothing to review".
  redirect(`/review?lesson=${encodeURIComponent(slug)}&added=${added}&facts=${total}`);
}

export type RerateReply = { ok: true; logId: string; rating: number; nextDue: Date } | { ok: false; error: string };

/** After a correct answer: "it was Hard" or "it was Easy" instead of Good. */
export async function rerateReviewAction(input: unknown): Promise<RerateReply> {
  return actionState<RerateReply>(
    async () => {
      const user = await requireActionUser();
      const parsed = rerateSchema.safeParse(input);
      if (!parsed.success) return { ok: false, error: (await getTranslations("review.card"))("chooseRating") };
      return { ok: true, ...(await rerateReview(user, parsed.data, await now())) };
    },
    (error) => ({ ok: false, error }),
  );
}

/** Only paths of the review page may be returned to. */
function reviewPath(path: string): string {
  return /^\/review(\?[^\s]*)?$/.test(path) ? path : "/review";
}

export async function undoReviewAction(formData: FormData) {
  const { undone, back } = await actionOrFailurePage(async () => {
    const user = await requireActionUser();
    const logId = actionId(formText(formData, "logId"));
    const back = reviewPath(formText(formData, "back"));
    try {
      return { undone: await undoLastReview(user, logId, await now()), back };
    } catch (error) {
      // The review was changed meanwhile (another tab): nothing was undone, and the page says so.
      if (error instanceof AppError && error.code === "CONFLICT") return { undone: false, back };
      throw error;
    }
  });
  redirect(`${back}${back.includes("?") ? "&" : "?"}undone=${undone ? 1 : 0}`);
}

export interface SettingsState {
  ok: boolean;
  message: string;
  errors: Partial<Record<"desiredRetention" | "newCardsPerDay" | "timeZone", string>>;
  values: { desiredRetention: string; newCardsPerDay: string; timeZone: string };
}

export async function saveReviewSettingsAction(_previous: SettingsState, formData: FormData): Promise<SettingsState> {
  const values = { desiredRetention: "", newCardsPerDay: "", timeZone: "" };
  return actionState<SettingsState>(
    async () => {
      const user = await requireActionUser();
      values.desiredRetention = formText(formData, "desiredRetention", 50).trim();
      values.newCardsPerDay = formText(formData, "newCardsPerDay", 50).trim();
      values.timeZone = formText(formData, "timeZone", 100).trim();
      return saveSettings(user, values);
    },
    (message) => ({ ok: false, message, errors: {}, values }),
  );
}

async function saveSettings(user: SessionUser, values: SettingsState["values"]): Promise<SettingsState> {
  const parsed = reviewSettingsSchema.safeParse({ desiredRetention: values.desiredRetention || undefined, newCardsPerDay: values.newCardsPerDay || undefined });
  const errors: SettingsState["errors"] = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[issue.path[0] as keyof SettingsState["errors"]] ??= await localizeMessage(issue.message);
  }
  // The learner's own day (decisions/0040): an IANA name this server knows; left empty, unchanged.
  const zone = values.timeZone ? validTimeZone(values.timeZone) : null;
  if (values.timeZone && !zone) errors.timeZone = await localizeMessage(TIME_ZONE_MESSAGE);
  if (!parsed.success || errors.timeZone) return { ok: false, message: "", errors, values };
  await saveReviewSettings(user, parsed.data);
  if (zone) await setUserTimeZone(user.id, zone);
  return { ok: true, message: (await getTranslations("review.settings"))("saved"), errors: {}, values: { ...values, timeZone: zone ?? values.timeZone } };
}

/**
 * The browser's zone (Intl.DateTimeFormat().resolvedOptions().timeZone), reported on a first visit
 * to the review pages: taken only while the learner has none, so a zone chosen in settings stays.
 */
export async function reportTimeZoneAction(timeZone: unknown): Promise<{ ok: boolean }> {
  return actionState<{ ok: boolean }>(
    async () => {
      const user = await requireActionUser();
      const zone = typeof timeZone === "string" ? validTimeZone(timeZone) : null;
      if (!zone) return { ok: false };
      await setUserTimeZone(user.id, zone, { onlyIfUnset: true });
      return { ok: true };
    },
    () => ({ ok: false }),
  );
}

/** Settings: drop the fitted FSRS parameters and schedule with the defaults (decisions/0036). */
export async function chooseDefaultParametersAction() {
  await actionOrFailurePage(async () => chooseDefaultParameters(await requireActionUser()));
  redirect("/review/settings");
}

/** Settings: fit the FSRS parameters again (in the background, once the log is large enough). */
export async function allowFittingAction() {
  await actionOrFailurePage(async () => {
    const user = await requireActionUser();
    await allowFitting(user);
    queueParameterFit(user.id);
  });
  redirect("/review/settings");
}
