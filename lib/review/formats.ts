import type { QuestionType } from "@/lib/quiz/question";

/**
 * The question types a review can ask a fact in. Matching and ordering test several facts at once,
 * so they stay in quizzes.
 */
export const REVIEW_FORMATS: readonly QuestionType[] = ["figure-mc", "figure-typed", "true-false", "sector-id"];

export function isReviewFormat(type: string): boolean {
  return (REVIEW_FORMATS as readonly string[]).includes(type);
}

function hashOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * The question a review of this card asks: the fact's questions in a fixed order, stepped once per
 * review from a starting place fixed per card, so consecutive reviews change format and different
 * learners start at different ones.
 */
export function questionForReview<Q extends { id: string; type: string }>(questions: readonly Q[], cardId: string, reps: number): Q | null {
  const usable = questions.filter((q) => isReviewFormat(q.type)).sort((a, b) => REVIEW_FORMATS.indexOf(a.type as QuestionType) - REVIEW_FORMATS.indexOf(b.type as QuestionType) || a.id.localeCompare(b.id));
  if (usable.length === 0) return null;
  return usable[(hashOf(cardId) + reps) % usable.length];
}

/** The option-shuffling seed of one review: changes with every review of the card. */
export function reviewSeed(cardId: string, reps: number): number {
  return (hashOf(cardId) + reps * 7919) % 2 ** 31;
}
