"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireActionUser, requireUser } from "@/lib/server/auth/session";
import { finishAttempt, flagQuestion, NothingToAskError, startAttempt } from "@/lib/server/data/attempts";
import { AppError } from "@/lib/server/errors";
import { flagSchema } from "@/lib/schemas/answer";

const startSchema = z.object({
  scope: z.enum(["lesson", "sector"]),
  scopeId: z.string().min(1).max(200),
  figuresOnly: z.enum(["0", "1"]).transform((v) => v === "1"),
});

/**
 * Starts (or resumes) a quiz and opens it. Signed-out callers are sent to sign in; a scope with
 * nothing to ask (an old page, a retired lesson) gets a page that says so.
 */
export async function startQuizAction(formData: FormData) {
  const user = await requireUser();
  const input = startSchema.parse({ scope: formData.get("scope"), scopeId: formData.get("scopeId"), figuresOnly: formData.get("figuresOnly") ?? "0" });
  let attemptId: string;
  try {
    attemptId = await startAttempt(user, input);
  } catch (error) {
    if (!(error instanceof NothingToAskError)) throw error;
    const query = new URLSearchParams({ scope: input.scope, id: input.scopeId, ...(input.figuresOnly ? { figures: "1" } : {}) });
    redirect(`/quiz/nothing-to-ask?${query}`);
  }
  redirect(`/quiz/${attemptId}`);
}

export async function finishQuizAction(attemptId: string) {
  const user = await requireActionUser();
  await finishAttempt(user, z.string().min(1).max(50).parse(attemptId));
  redirect(`/quiz/${attemptId}/results`);
}

export interface FlagState {
  ok: boolean;
  message: string;
}

export async function flagQuestionAction(_previous: FlagState, formData: FormData): Promise<FlagState> {
  try {
    const user = await requireActionUser();
    const parsed = flagSchema.safeParse({
      questionId: formData.get("questionId"),
      reason: formData.get("reason"),
      comment: formData.get("comment") || undefined,
    });
    if (!parsed.success) return { ok: false, message: "Choose a reason for the flag." };
    await flagQuestion(user, parsed.data);
    return { ok: true, message: "Thanks: your flag was sent to the instructors." };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message };
    throw error;
  }
}
