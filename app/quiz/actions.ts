"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireActionUser } from "@/lib/server/auth/session";
import { actionId, actionOrFailurePage, actionState, formText, parseField } from "@/lib/server/action-input";
import { finishAttempt, flagQuestion, NothingToAskError, startAttempt } from "@/lib/server/data/attempts";
import { flagSchema } from "@/lib/schemas/answer";
import { getTranslations } from "next-intl/server";

const startSchema = z.object({
  scope: z.enum(["lesson", "sector"]),
  scopeId: z.string().min(1).max(200),
  figuresOnly: z.enum(["0", "1"]).transform((v) => v === "1"),
});

/**
 * Starts (or resumes) a quiz and opens it. Signed-out callers are sent to sign in; an unknown lesson
 * or sector is the 404 page; a scope with nothing to ask (a retired lesson, "Figures only" on a
 * lesson without figures) gets a page that says so.
 */
export async function startQuizAction(formData: FormData) {
  const started = await actionOrFailurePage(async () => {
    const user = await requireActionUser();
    const input = parseField(startSchema, { scope: formText(formData, "scope"), scopeId: formText(formData, "scopeId"), figuresOnly: formText(formData, "figuresOnly") || "0" });
    try {
      return { attemptId: await startAttempt(user, input), input };
    } catch (error) {
      if (error instanceof NothingToAskError) return { attemptId: null, input };
      throw error;
    }
  });
  if (!started.attemptId) {
    const { scope, scopeId, figuresOnly } = started.input;
    redirect(`/quiz/nothing-to-ask?${new URLSearchParams({ scope, id: scopeId, ...(figuresOnly ? { figures: "1" } : {}) })}`);
  }
  const attemptId = started.attemptId;
  redirect(`/quiz/${attemptId}`);
}

export async function finishQuizAction(attemptId: string) {
  const id = await actionOrFailurePage(async () => {
    const user = await requireActionUser();
    const id = actionId(attemptId);
    await finishAttempt(user, id);
    return id;
  });
  redirect(`/quiz/${id}/results`);
}

export interface FlagState {
  ok: boolean;
  message: string;
}

export async function flagQuestionAction(_previous: FlagState, formData: FormData): Promise<FlagState> {
  return actionState<FlagState>(
    async () => {
      const user = await requireActionUser();
      const parsed = flagSchema.safeParse({
        questionId: formText(formData, "questionId"),
        reason: formText(formData, "reason"),
        comment: formText(formData, "comment") || undefined,
      });
      const t = await getTranslations();
      if (!parsed.success) return { ok: false, message: t("errors.flagReason") };
      await flagQuestion(user, parsed.data);
      return { ok: true, message: t("quiz.flag.sent") };
    },
    (message) => ({ ok: false, message }),
  );
}
