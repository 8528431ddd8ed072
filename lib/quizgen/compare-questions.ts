import { comparableGroups } from "./comparisons";
import { questionId, type Draft, type GenerateContext } from "./generate";
import { blankedContext } from "./ordering-questions";
import { rngFor, shuffled } from "./random";
import { say } from "./templates";

/**
 * "Which is larger": two figures of one sentence that state the same measure, unit and time of two
 * subjects, asked as a two-option multiple choice whose options are the subjects.
 */
export function compareQuestions(ctx: GenerateContext): Draft[] {
  const { doc } = ctx;
  const L = doc.language;
  const out: Draft[] = [];
  for (const pair of comparableGroups(ctx.figures)) {
    if (pair.length !== 2) continue;
    const sentenceId = pair[0].sentenceId;
    const random = rngFor(doc.slug, sentenceId, "compare", ctx.generatorVersion);
    const options = shuffled(pair, random).map((f, i) => ({ id: `c${i + 1}`, text: f.binding.subject ?? "?", figure: f }));
    const [larger, smaller] = [...options].sort((a, b) => b.figure.value - a.figure.value);
    out.push({
      id: questionId(doc, "figure-mc", sentenceId, `compare:${pair.map((f) => f.id).join(",")}`),
      documentSlug: doc.slug,
      language: L,
      type: "figure-mc",
      stem: say("compare", L)(options[0].text, options[1].text, blankedContext(pair, L)),
      options: options.map(({ id, text }) => ({ id, text })),
      correctOptionId: larger.id,
      answerText: `${larger.text} (${larger.figure.text} > ${smaller.figure.text})`,
      explanation: say("explainFigure", L)(pair[0].sentence),
      source: { sentenceId, quote: pair[0].sentence },
      figureIds: pair.map((f) => f.id),
      sectorIds: [...new Set(pair.flatMap((f) => f.sectorIds))],
      check: { sentence: pair[0].sentence, compared: pair },
    });
  }
  return out;
}
