import type { QuizQuestion } from "@/lib/quiz/question";
import { exportStem, feedbackLines, keyOption, matchPairs, numericKey, orderedItems, plainNumber, type ExportBank } from "./bank";

/**
 * GIFT (Moodle's plain-text format). Mapping (docs/decisions/0031): figure-mc and sector-id →
 * multiple choice `{=key ~other}`; figure-typed → numerical `{#value:tolerance}` in the stem's unit;
 * true-false → `{T}`/`{F}`; matching → matching `{=left -> right}`; ordering → matching of each item
 * to its rank (1 = first in the key's order), as GIFT has no ordering type. Each question's title is
 * its id and its text format plain; the general feedback (`####`) holds the explanation, the source
 * quote and the id.
 */
export function toGift(bank: ExportBank): string {
  const blocks = [`$CATEGORY: ${oneLine(`Figure Quiz/${bank.title.replace(/\//g, "-")}`)}`, ...bank.questions.map(giftQuestion)];
  return `${blocks.join("\n\n")}\n`;
}

/** Escapes GIFT's special characters (~ = # { } : and the backslash) and writes line breaks as \n. */
export function escapeGift(text: string): string {
  return text.replace(/[\\~=#{}:]/g, (c) => `\\${c}`).replace(/\r?\n/g, "\\n");
}

const oneLine = (text: string) => text.replace(/\s*\r?\n\s*/g, " ");
// "->" separates a matching pair and has no escape: an arrow of the same meaning replaces it.
const matchText = (text: string) => escapeGift(text.replace(/->/g, "→"));

function giftQuestion(q: QuizQuestion): string {
  const feedback = `####${escapeGift(feedbackLines(q).join("\n"))}`;
  // [plain]: the texts are not HTML ("<" is shown as written).
  const head = `::${escapeGift(q.id)}:: [plain]${escapeGift(exportStem(q))}`;
  switch (q.type) {
    case "figure-mc":
    case "sector-id": {
      const key = keyOption(q);
      const choices = (q.options ?? []).map((o) => `${o.id === key.id ? "=" : "~"}${escapeGift(o.text)}`);
      return `${head} {${choices.join(" ")} ${feedback}}`;
    }
    case "figure-typed": {
      const { value, tolerance } = numericKey(q);
      return `${head} {#${plainNumber(value)}:${plainNumber(tolerance)}${feedback}}`;
    }
    case "true-false":
      return `${head} {${q.answerBool ? "T" : "F"}${feedback}}`;
    case "matching":
      return `${head} {${matchPairs(q).map((p) => `=${matchText(p.left)} -> ${matchText(p.right)}`).join(" ")} ${feedback}}`;
    case "ordering":
      return `${head} {${orderedItems(q).map((o, i) => `=${matchText(o.text)} -> ${i + 1}`).join(" ")} ${feedback}}`;
  }
}
