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
 * The question a review of this card asks. Formats take turns: review n asks the fact in format
 * (start + n) mod formats, so consecutive reviews of a fact with two or more formats never repeat
 * one; within a format its questions take turns too. The start is fixed per card, so different
 * learners start at different formats (decisions/0010, 0039).
 */
export function questionForReview<Q extends { id: string; type: string }>(questions: readonly Q[], cardId: string, reps: number): Q | null {
  const byFormat = new Map<string, Q[]>();
  for (const q of [...questions].sort((a, b) => a.id.localeCompare(b.id))) {
    if (!isReviewFormat(q.type)) continue;
    const list = byFormat.get(q.type);
    if (list) list.push(q);
    else byFormat.set(q.type, [q]);
  }
  const formats = [...byFormat.keys()].sort((a, b) => REVIEW_FORMATS.indexOf(a as QuestionType) - REVIEW_FORMATS.indexOf(b as QuestionType));
  if (formats.length === 0) return null;
  const step = hashOf(cardId) + reps;
  const group = byFormat.get(formats[step % formats.length])!;
  return group[Math.floor(step / formats.length) % group.length];
}

/** The option-shuffling seed of one review: changes with every review of the card. */
export function reviewSeed(cardId: string, reps: number): number {
  return (hashOf(cardId) + reps * 7919) % 2 ** 31;
}
