import type { ContentBundle, Question } from "./schema";
import type { BuildStats } from "./build";
import { pushAll } from "../arrays";
import { writesFigure } from "./number-tokens";
import { binomialTestTwoSided, chiSquareUniform } from "./statistics";

export interface GuesserResult {
  strategy: string;
  correct: number;
  total: number;
  rate: number;
  p: number;
}

export interface DocumentReport {
  slug: string;
  questions: number;
  types: Record<string, number>;
  figures: number;
  figureCoverage: number;
  sectorsMentioned: number;
  sectorCoverage: number;
}

export interface QualityReport {
  documents: DocumentReport[];
  total: DocumentReport;
  checks: { check: string; run: number; passed: number; rate: number }[];
  guessers: GuesserResult[];
  keyRank: { counts: number[]; statistic: number; p: number };
  leaks: number;
}

const roundness = (t: string) => {
  const digits = t.replace(/[^\d]/g, "").replace(/^0+/, "");
  return (digits.match(/0+$/)?.[0].length ?? 0) - digits.replace(/0+$/, "").length;
};
const sharedDigits = (t: string, others: string[]) => others.reduce((acc, o) => acc + [...t.replace(/\D/g, "")].filter((d) => o.includes(d)).length, 0);

// The option the most others are round multiples of (×1.25, ×1.3, ×1.5, ×1.6, ×2, ×2.5, ×3, ×4):
// what a test-wise student picks when distractors are the key times fixed ratios (issue 12).
const ROUND_RATIOS = [1.25, 1.3, 1.5, 1.6, 2, 2.5, 3, 4];
const numberOf = (t: string) => Number(t.normalize("NFKC").replace(/[^\d.]/g, ""));
const roundMultiples = (t: string, others: string[]) =>
  others.filter((o) => {
    const [a, b] = [numberOf(t), numberOf(o)];
    const ratio = Math.max(a, b) / Math.min(a, b);
    return ROUND_RATIOS.some((r) => Math.abs(ratio - r) < r * 0.01);
  }).length;

/** "Blind guessers": strategies that look only at the options. Each should score near chance. */
const STRATEGIES: Record<string, (options: string[]) => number> = {
  middle: () => 1,
  extreme: (o) => o.length - 1,
  roundest: (o) => o.map((t, i) => [roundness(t), -i]).sort((a, b) => b[0] - a[0] || b[1] - a[1])[0][1] * -1,
  longest: (o) => o.map((t, i) => [t.length, -i]).sort((a, b) => b[0] - a[0] || b[1] - a[1])[0][1] * -1,
  "multiples-of": (o) => o.map((t, i) => [roundMultiples(t, o.filter((_, j) => j !== i)), -i]).sort((a, b) => b[0] - a[0] || b[1] - a[1])[0][1] * -1,
  "most-shared-digits": (o) => o.map((t, i) => [sharedDigits(t, o.filter((_, j) => j !== i)), -i]).sort((a, b) => b[0] - a[0] || b[1] - a[1])[0][1] * -1,
};

function documentReport(slug: string, bundle: ContentBundle, questions: Question[]): DocumentReport {
  const figures = bundle.figures.filter((f) => slug === "*" || f.documentSlug === slug);
  const covered = new Set(questions.flatMap((q) => q.figureIds));
  const sectors = bundle.sectors.filter((s) => slug === "*" || s.mentions.some((m) => m.documentSlug === slug));
  const sectorCovered = new Set(questions.flatMap((q) => q.sectorIds));
  const types: Record<string, number> = {};
  for (const q of questions) types[q.type] = (types[q.type] ?? 0) + 1;
  return {
    slug,
    questions: questions.length,
    types,
    figures: figures.length,
    figureCoverage: figures.length ? figures.filter((f) => covered.has(f.id)).length / figures.length : 1,
    sectorsMentioned: sectors.length,
    sectorCoverage: sectors.length ? sectors.filter((s) => sectorCovered.has(s.id)).length / sectors.length : 1,
  };
}

/** Everything `npm run content:report` prints, computed from a bundle. */
export function qualityReport(bundle: ContentBundle, stats?: BuildStats): QualityReport {
  const documents = bundle.documents.map((d) => documentReport(d.slug, bundle, bundle.questions.filter((q) => q.documentSlug === d.slug)));
  const numeric = bundle.questions.filter((q) => q.type === "figure-mc" && q.options?.length === 4);
  const guessers = Object.entries(STRATEGIES).map(([strategy, pick]) => {
    const correct = numeric.filter((q) => q.options![pick(q.options!.map((o) => o.text))]?.id === q.correctOptionId).length;
    return { strategy, correct, total: numeric.length, rate: numeric.length ? correct / numeric.length : 0, p: binomialTestTwoSided(correct, numeric.length, 0.25) };
  });
  const counts = [0, 0, 0, 0];
  for (const q of numeric) counts[q.options!.findIndex((o) => o.id === q.correctOptionId)]++;
  const chi = chiSquareUniform(counts);

  // A leak: a question's key written (as itself, not inside a longer number) in another stem of the same document, with nothing to keep them apart in a quiz.
  let leaks = 0;
  for (const a of bundle.questions) {
    if (a.type !== "figure-mc" && a.type !== "figure-typed") continue;
    for (const b of bundle.questions) {
      if (a === b || a.documentSlug !== b.documentSlug || a.source.sentenceId === b.source.sentenceId) continue;
      if (writesFigure(b.stem, a.answerText) && !a.figureIds.some((f) => b.figureIds.includes(f))) leaks++;
    }
  }
  return {
    documents,
    total: documentReport("*", bundle, bundle.questions),
    checks: Object.entries(stats?.checks ?? {}).map(([check, c]) => ({ check, ...c, rate: c.run ? c.passed / c.run : 1 })),
    guessers,
    keyRank: { counts, statistic: chi.statistic, p: chi.p },
    leaks,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function formatReport(r: QualityReport): string {
  const lines: string[] = [];
  const row = (d: DocumentReport) =>
    `${d.slug.padEnd(38)} ${String(d.questions).padStart(4)}  figures ${String(d.figures).padStart(3)} (covered ${pct(d.figureCoverage).padStart(6)})  sectors ${String(d.sectorsMentioned).padStart(2)} (covered ${pct(d.sectorCoverage).padStart(6)})  ${Object.entries(d.types).sort().map(([t, n]) => `${t}:${n}`).join(" ")}`;
  pushAll(lines, ["Questions per document", ...r.documents.map(row), row({ ...r.total, slug: "whole bank" }), ""]);
  pushAll(lines, ["Checks (drafts that passed / drafts checked)", ...r.checks.map((c) => `  ${c.check.padEnd(22)} ${String(c.passed).padStart(5)} / ${String(c.run).padEnd(5)} ${pct(c.rate)}`), ""]);
  lines.push(`Blind guessers on ${r.guessers[0]?.total ?? 0} numeric multiple-choice questions (chance 25%, two-sided binomial test)`);
  pushAll(lines, r.guessers.map((g) => `  ${g.strategy.padEnd(20)} ${String(g.correct).padStart(4)} correct  ${pct(g.rate).padStart(6)}  p = ${g.p.toFixed(3)}${g.p <= 0.05 ? "  ← beats chance" : ""}`));
  lines.push(`Key rank among sorted options: ${r.keyRank.counts.join(" / ")}  χ² = ${r.keyRank.statistic.toFixed(2)} (df 3), p = ${r.keyRank.p.toFixed(3)}`);
  lines.push(`Leaks (a key written in another stem of the same document, not kept apart): ${r.leaks}`);
  return lines.join("\n");
}
