import { comparableGroups } from "./comparisons";
import type { ExtractedFigure } from "./figures";
import { excerpt, questionId, type Draft, type GenerateContext } from "./generate";
import { withoutHedge } from "./format";
import { rngFor, shuffled } from "./random";
import type { Language } from "./schema";
import { say } from "./templates";

const BLANK = "____";

/** The sentence with the given figures blanked, cut around the first blank. */
export function blankedContext(items: ExtractedFigure[], language: Language): string {
  let context = items[0].sentence;
  for (const f of [...items].sort((a, b) => b.mention.start - a.mention.start)) {
    const bare = withoutHedge(f.mention);
    const at = context.indexOf(bare, f.mention.start);
    if (at >= 0) context = context.slice(0, at) + BLANK + context.slice(at + bare.length);
  }
  return excerpt(context, context.indexOf(BLANK), language);
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
