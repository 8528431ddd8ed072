import { z } from "zod";

/** What a student sends for one question; the shape depends on the question's type. */
export const answerSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("option"), optionId: z.string().min(1).max(100) }),
  z.object({ kind: z.literal("typed"), text: z.string().trim().min(1, { message: "Type an answer." }).max(100) }),
  z.object({ kind: z.literal("bool"), value: z.boolean() }),
  z.object({ kind: z.literal("matching"), choices: z.array(z.string().max(100)).min(1).max(10) }),
  z.object({ kind: z.literal("ordering"), order: z.array(z.string().max(100)).min(2).max(10) }),
]);

export type Answer = z.infer<typeof answerSchema>;

export const submitAnswerSchema = z.object({
  attemptId: z.string().min(1).max(50),
  questionId: z.string().min(1).max(200),
  answer: answerSchema,
  /** Milliseconds on the question, as measured by the browser; clamped on the server. */
  timeTakenMs: z.number().int().min(0).max(24 * 60 * 60 * 1000),
});

export const flagSchema = z.object({
  questionId: z.string().min(1).max(200),
  reason: z.enum(["ambiguous", "wrong-key", "other"]),
  comment: z.string().trim().max(1000).optional(),
});
