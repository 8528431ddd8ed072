import type { QuizQuestion } from "@/lib/quiz/question";
import { exportStem, escapeXml, feedbackLines, htmlParagraphs, keyOption, matchPairs, numericKey, orderedItems, plainNumber, unmatchedRights, type ExportBank } from "./bank";

/**
 * Moodle XML (question bank import). Mapping (docs/decisions/0031): figure-mc and sector-id →
 * `multichoice` (single answer); figure-typed → `numerical` with the tolerance, the unit said in the
 * question text (units not graded); true-false → `truefalse`; matching → `matching` (options that
 * answer no pair are extra answers); ordering → `ordering` (a standard type since Moodle 4.4; a
 * plugin before). Each question's name is its id, and so is its `idnumber` when the id fits
 * Moodle's 100 characters; the general feedback holds the explanation, the source quote and the id.
 */
export function toMoodleXml(bank: ExportBank): string {
  const category = `<question type="category"><category><text>${escapeXml(`$course$/top/Figure Quiz/${bank.title.replace(/\//g, "-")}`)}</text></category></question>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n${[category, ...bank.questions.map(moodleQuestion)].join("\n")}\n</quiz>\n`;
}

/** A Moodle text field: HTML, escaped once as HTML and once as XML. */
const html = (tag: string, lines: string[], extra = "") => `<${tag} format="html"${extra}><text>${escapeXml(htmlParagraphs(lines))}</text></${tag}>`;
const plain = (text: string) => `<text>${escapeXml(text)}</text>`;
const answer = (fraction: string, body: string, extra = "") => `<answer fraction="${fraction}" format="html"><text>${escapeXml(body)}</text>${extra}<feedback format="html"><text></text></feedback></answer>`;

const MOODLE_TYPE = { "figure-mc": "multichoice", "sector-id": "multichoice", "figure-typed": "numerical", "true-false": "truefalse", matching: "matching", ordering: "ordering" } as const;

export function moodleTypeOf(q: Pick<QuizQuestion, "type">): string {
  return MOODLE_TYPE[q.type];
}

function moodleQuestion(q: QuizQuestion): string {
  const common = [
    `<name>${plain(q.id)}</name>`,
    html("questiontext", [exportStem(q)]),
    html("generalfeedback", feedbackLines(q)),
    "<defaultgrade>1</defaultgrade>",
    "<penalty>0.3333333</penalty>",
    "<hidden>0</hidden>",
    // Moodle's idnumber holds at most 100 characters; the name (255) always holds the id.
    ...(q.id.length <= 100 ? [`<idnumber>${escapeXml(q.id)}</idnumber>`] : []),
  ];
  const tags = `<tags><tag>${plain(q.documentSlug)}</tag><tag>${plain(q.type)}</tag></tags>`;
  return `<question type="${moodleTypeOf(q)}">\n  ${[...common, ...typeFields(q), tags].join("\n  ")}\n</question>`;
}

function typeFields(q: QuizQuestion): string[] {
  switch (q.type) {
    case "figure-mc":
    case "sector-id": {
      const key = keyOption(q);
      return [
        "<single>true</single>",
        "<shuffleanswers>true</shuffleanswers>",
        "<answernumbering>abc</answernumbering>",
        ...(q.options ?? []).map((o) => answer(o.id === key.id ? "100" : "0", escapeXml(o.text))),
      ];
    }
    case "figure-typed": {
      const { value, tolerance } = numericKey(q);
      return [
        `<answer fraction="100"><text>${plainNumber(value)}</text><tolerance>${plainNumber(tolerance)}</tolerance><feedback format="html"><text></text></feedback></answer>`,
        "<unitgradingtype>0</unitgradingtype>",
        "<unitpenalty>0.1000000</unitpenalty>",
        "<showunits>3</showunits>",
        "<unitsleft>0</unitsleft>",
      ];
    }
    case "true-false":
      return [`<answer fraction="${q.answerBool ? 100 : 0}" format="moodle_auto_format"><text>true</text><feedback format="html"><text></text></feedback></answer>`, `<answer fraction="${q.answerBool ? 0 : 100}" format="moodle_auto_format"><text>false</text><feedback format="html"><text></text></feedback></answer>`];
    case "matching":
      return [
        "<shuffleanswers>true</shuffleanswers>",
        ...matchPairs(q).map((p) => `<subquestion format="html"><text>${escapeXml(htmlParagraphs([p.left]))}</text><answer>${plain(p.right)}</answer></subquestion>`),
        ...unmatchedRights(q).map((right) => `<subquestion format="html"><text></text><answer>${plain(right)}</answer></subquestion>`),
      ];
    case "ordering": {
      const items = orderedItems(q);
      return [
        "<layouttype>VERTICAL</layouttype>",
        "<selecttype>ALL</selecttype>",
        `<selectcount>${items.length}</selectcount>`,
        "<gradingtype>ABSOLUTE_POSITION</gradingtype>",
        "<showgrading>SHOW</showgrading>",
        "<numberingstyle>none</numberingstyle>",
        "<shownumcorrect>1</shownumcorrect>",
        ...items.map((o, i) => answer(`${i + 1}.0000000`, escapeXml(o.text))),
      ];
    }
  }
}

