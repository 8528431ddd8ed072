import { z } from "zod";
import { answerSchema } from "./answer";

// Many locales write a decimal comma ("0,85"): read it as a point before the number check.
const withDecimalPoint = (value: unknown) => (typeof value === "string" ? value.trim().replace(/^(\d*),(\d+)$/, "$1.$2") : value);

export const reviewSettingsSchema = z.object({
  desiredRetention: z.preprocess(
    withDecimalPoint,
    z.coerce.number({ message: "Enter a number between 0.70 and 0.97." })
    .min(0.7, { message: "Below 0.70 you would forget too much between reviews." })
    .max(0.97, { message: "Above 0.97 reviews come so often they stop paying off." }),
  ),
  newCardsPerDay: z.coerce
    .number({ message: "Enter a whole number from 0 to 100." })
    .int({ message: "Enter a whole number from 0 to 100." })
    .min(0, { message: "Enter a whole number from 0 to 100." })
    .max(100, { message: "Enter a whole number from 0 to 100." }),
});
export type ReviewSettingsInput = z.infer<typeof reviewSettingsSchema>;

export const reviewFilterSchema = z.object({
  lesson: z.string().max(200).optional(),
  sector: z.string().max(200).optional(),
});

export const reviewAnswerSchema = z.object({
  cardId: z.string().min(1).max(50),
  /** The card version the question was shown at: a repeat of the same answer records nothing. */
  version: z.number().int().min(0),
  questionId: z.string().min(1).max(200),
  answer: answerSchema,
  durationMs: z.number().int().min(0).max(24 * 60 * 60 * 1000),
});
export type ReviewAnswerInput = z.infer<typeof reviewAnswerSchema>;

export const rerateSchema = z.object({
  logId: z.string().min(1).max(50),
  rating: z.union([z.literal(2), z.literal(3), z.literal(4)]),
});
