import { rngFor, shuffled } from "./random";
import type { ContentBundle, Language, Question } from "./schema";

export interface SampleOptions {
  n: number;
  seed: string;
  language?: Language;
  /** Draw from the review-only questions (decisions/0039) instead of the quiz bank. */
  reviewOnly?: boolean;
  /** Only these question types (a reader checking the types a change touched). */
  types?: string[];
}

/**
 * Questions drawn at random from a bank, for a person to judge: the same bank, seed and options give
 * the same draw. Each language is drawn on its own so "30 English + 30 Chinese" are two calls.
 */
export function sampleQuestions(bundle: ContentBundle, { n, seed, language, reviewOnly, types }: SampleOptions): Question[] {
  const pool = (reviewOnly ? (bundle.reviewOnlyQuestions ?? []) : bundle.questions).filter((q) => (!language || q.language === language) && (!types || types.includes(q.type)));
  // Sort first so the draw does not depend on the order the bank was written in.
  const ordered = [...pool].sort((a, b) => a.id.localeCompare(b.id));
  return shuffled(ordered, rngFor("sample", seed, language ?? "all")).slice(0, n);
}

/** One question as a reader sees it, with its key and the source sentence it came from. */
export function formatSampled(q: Question, index: number): string {
  const lines = [`#${index + 1} [${q.language} · ${q.type}] ${q.id}`, `  Q: ${q.stem}`];
  if (q.type === "matching") {
    for (const p of q.pairs ?? []) lines.push(`  - ${p.left} → ${q.options?.find((o) => o.id === p.right)?.text ?? p.right}`);
  } else if (q.type === "ordering") {
    lines.push(`  items: ${(q.options ?? []).map((o) => o.text).join(" | ")}`);
  } else if (q.options?.length) {
    lines.push(`  options: ${q.options.map((o) => (o.id === q.correctOptionId ? `[${o.text}]` : o.text)).join(" | ")}`);
  }
  lines.push(`  key: ${q.answerText}`, `  source: ${q.source.quote}`);
  return lines.join("\n");
}

/**
 * A review-only question as a reader judges it: itself, then every other question of its fact (quiz
 * or review-only), since a review rotates a fact's formats and must not repeat one word for word.
 */
export function formatReviewSampled(bundle: ContentBundle, q: Question, index: number): string {
  const others = [...bundle.questions.map((x) => ({ x, where: "quiz" })), ...(bundle.reviewOnlyQuestions ?? []).map((x) => ({ x, where: "review-only" }))].filter(
    ({ x }) => x.factId === q.factId && x.id !== q.id,
  );
  const lines = [formatSampled(q, index), `  fact: ${q.factId ?? "(none)"}`];
  for (const { x, where } of others) lines.push(`  also (${where} · ${x.type}): ${x.stem} → ${x.answerText}`);
  return lines.join("\n");
}
