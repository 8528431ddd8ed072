import { comparableGroups } from "./comparisons";
import type { ExtractedFigure } from "./figures";
import { excerpt, questionId, type Draft, type GenerateContext } from "./generate";
import { withoutHedge } from "./format";
import { findNumbers } from "./numbers";
import { rngFor, shuffled } from "./random";
import type { Language } from "./schema";
import { say } from "./templates";

const BLANK = "____";

/**
 * The sentence with the given figures blanked, cut around the first blank. When it states another
 * figure of the items' kind and unit, the clauses after the blanks are left out ("预计2025年中美X分别为
 * ____和____,2030年分别为15000件和22000件"): the other pair, in the same order, would answer the
 * question. A clause before the blanks stays (it names what they are about).
 */
export function blankedContext(items: ExtractedFigure[], language: Language): string {
  let context = items[0].sentence;
  for (const f of [...items].sort((a, b) => b.mention.start - a.mention.start)) {
    const bare = withoutHedge(f.mention);
    const at = context.indexOf(bare, f.mention.start);
    if (at >= 0) context = context.slice(0, at) + BLANK + context.slice(at + bare.length);
  }
  context = withoutOtherFigures(context, items, language);
  return excerpt(context, context.indexOf(BLANK), language);
}

/** Figures of the stem, other than the blanks, of the same kind and unit as the compared items. */
export function otherComparableFigures(stem: string, items: ExtractedFigure[], language: Language): string[] {
  const like = (m: { kind: string; unit: string | null }) => items.some((f) => f.kind === m.kind && f.unit === m.unit);
  return findNumbers(stem, language).filter(like).map((m) => m.text);
}

// Clause separators: a comma or semicolon that is not inside a number ("12,000").
const CLAUSE = { en: /(?<=[,;])\s+/, zh: /(?<=[，；;]|(?<!\d),|,(?!\d))/ };

function withoutOtherFigures(blanked: string, items: ExtractedFigure[], language: Language): string {
  if (!otherComparableFigures(blanked, items, language).length) return blanked;
  const end = blanked.match(/([。.!?！？])\s*(?:\[\d+\])*\s*$/);
  const body = end ? blanked.slice(0, end.index) : blanked;
  // Only the clauses after the blanks go ("…; in 2018, Japan had 28%" goes whole): one before them
  // names what the blanks are about (its figures stay, and the "no-order-cue" check refuses).
  const clauses = body.split(CLAUSE[language]);
  const last = clauses.findLastIndex((c) => c.includes(BLANK));
  const kept = clauses.slice(0, last + 1);
  const joined = kept.join(language === "en" ? " " : "").replace(/[\s,，;；]+$/, "").replace(/,\s+and$/, "");
  return `${joined}${end ? end[1] : language === "zh" ? "。" : "."}`;
}

/**
 * Ordering: 3–5 figures of one sentence that state the same measure, unit and time of different
 * subjects, labelled by their subjects. Two figures make a comparison instead (compare-questions.ts).
 */
export function orderingQuestions(ctx: GenerateContext): Draft[] {
  const { doc } = ctx;
  const L = doc.language;
  const out: Draft[] = [];
  for (const group of comparableGroups(ctx.figures)) {
    if (group.length < 3) continue;
    const items = group.slice(0, 5);
    const sentenceId = items[0].sentenceId;
    const random = rngFor(doc.slug, sentenceId, "ordering", ctx.generatorVersion);
    const options = shuffled(items, random).map((f, i) => ({ id: `r${i + 1}`, text: f.binding.subject ?? "?", figure: f }));
    const byValue = [...options].sort((a, b) => b.figure.value - a.figure.value);
    const what = `${options.map((o) => o.text).join(L === "zh" ? "、" : ", ")}${L === "zh" ? "（" : " ("}“${blankedContext(items, L)}”${L === "zh" ? "）" : ")"}`;
    out.push({
      id: questionId(doc, "ordering", sentenceId, items.map((f) => f.id).join(",")),
      documentSlug: doc.slug,
      language: L,
      type: "ordering",
      stem: say("ordering", L)(what),
      options: options.map(({ id, text }) => ({ id, text })),
      correctOrder: byValue.map((o) => o.id),
      answerText: byValue.map((o) => `${o.text} (${o.figure.text})`).join(" > "),
      explanation: say("explainFigure", L)(items[0].sentence),
      source: { sentenceId, quote: items[0].sentence },
      figureIds: items.map((f) => f.id),
      sectorIds: [...new Set(items.flatMap((f) => f.sectorIds))],
      check: { sentence: items[0].sentence, compared: items },
    });
  }
  return out;
}
