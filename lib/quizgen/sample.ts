import { rngFor, shuffled } from "./random";
import type { ContentBundle, Language, Question } from "./schema";

export interface SampleOptions {
  n: number;
  seed: string;
  language?: Language;
}

/**
 * Questions drawn at random from a bank, for a person to judge: the same bank, seed and options give
 * the same draw. Each language is drawn on its own so "30 English + 30 Chinese" are two calls.
 */
export function sampleQuestions(bundle: ContentBundle, { n, seed, language }: SampleOptions): Question[] {
  const pool = bundle.questions.filter((q) => !language || q.language === language);
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
