import type { PresentedQuestion, QuizQuestion } from "./question";
import { seededRandom, seededShuffle } from "./seeded-random";

/**
 * The browser's view of a question: answer fields stripped. Option order is shuffled with the
 * attempt's seed, so a resumed attempt looks the same, except figure multiple choice, whose numeric
 * options stay sorted (a position cue otherwise; the generator already placed the key's rank).
 */
export function presentQuestion(q: QuizQuestion, attemptSeed: number): PresentedQuestion {
  const random = seededRandom(attemptSeed, q.id);
  const options = q.options ?? [];
  const base = { id: q.id, type: q.type, language: q.language, stem: q.stem, lefts: [] as string[] };
  switch (q.type) {
    case "figure-mc":
      return { ...base, options };
    case "sector-id":
    case "ordering":
      return { ...base, options: seededShuffle(options, random) };
    case "matching":
      return { ...base, options: seededShuffle(options, random), lefts: (q.pairs ?? []).map((p) => p.left) };
    case "figure-typed":
      return q.typedExamples?.length === 4 ? { ...base, options: [], examples: q.typedExamples } : { ...base, options: [] };
    case "true-false":
      return { ...base, options: [] };
  }
}
