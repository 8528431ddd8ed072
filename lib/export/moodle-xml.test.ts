import { describe, expect, it } from "vitest";
import type { QuizQuestion } from "@/lib/quiz/question";
import { exportStem, feedbackLines, keyOption, matchPairs, numericKey, orderedItems, unmatchedRights, type ExportBank } from "./bank";
import { toMoodleXml } from "./moodle-xml";
import { generatedBanks, handWrittenBank, NASTY } from "./test-helpers";
import { htmlToText, parseXml } from "./xml-test-helpers";

type Text = { text: string; "@format"?: string };
type Answer = { "@fraction": string; text: string; tolerance?: string; feedback: Text };
type MoodleQuestion = {
  "@type": string;
  name: Text;
  questiontext: Text;
  generalfeedback: Text;
  idnumber?: string;
  defaultgrade: string;
  single?: string;
  answer?: Answer[];
  subquestion?: { text: string; answer: Text[] }[];
  selectcount?: string;
  gradingtype?: string;
  showunits?: string;
  category?: Text;
};

const MOODLE_TYPE = { "figure-mc": "multichoice", "sector-id": "multichoice", "figure-typed": "numerical", "true-false": "truefalse", matching: "matching", ordering: "ordering" } as const;

/** Checks the elements Moodle's XML import reads for each question type (docs.moodle.org "Moodle XML format"). */
function check(bank: ExportBank) {
  const xml = toMoodleXml(bank);
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  const doc = parseXml(xml, ["question", "answer", "subquestion", "tag"]) as { quiz: { question: MoodleQuestion[] } };
  const [category, ...questions] = doc.quiz.question;
  expect(category["@type"]).toBe("category");
  expect(category.category?.text).toBe(`$course$/top/Figure Quiz/${bank.title.replace(/\//g, "-")}`);
  expect(questions).toHaveLength(bank.questions.length);
  bank.questions.forEach((q: QuizQuestion, i) => {
    const m = questions[i];
    expect(m["@type"]).toBe(MOODLE_TYPE[q.type]);
    expect(m.name.text).toBe(q.id);
    expect(m.idnumber).toBe(q.id.length <= 100 ? q.id : undefined);
    expect(m.defaultgrade).toBe("1");
    expect(m.questiontext["@format"]).toBe("html");
    expect(htmlToText(m.questiontext.text)).toBe(exportStem(q));
    expect(htmlToText(m.generalfeedback.text)).toBe(feedbackLines(q).join("\n"));
    expect(htmlToText(m.generalfeedback.text)).toContain(q.source.quote);
    const answers = m.answer ?? [];
    switch (q.type) {
      case "figure-mc":
      case "sector-id":
        expect(m.single).toBe("true");
        expect(answers.map((a) => htmlToText(a.text))).toEqual(q.options!.map((o) => o.text));
        expect(answers.filter((a) => a["@fraction"] === "100").map((a) => htmlToText(a.text))).toEqual([keyOption(q).text]);
        expect(answers.filter((a) => a["@fraction"] !== "100").every((a) => a["@fraction"] === "0")).toBe(true);
        break;
      case "figure-typed": {
        const key = numericKey(q);
        expect(answers).toHaveLength(1);
        expect(answers[0]).toMatchObject({ "@fraction": "100" });
        expect(Number(answers[0].text)).toBe(key.value);
        expect(Number(answers[0].tolerance)).toBe(key.tolerance);
        expect(m.showunits).toBe("3");
        break;
      }
      case "true-false":
        expect(answers.map((a) => [a.text, a["@fraction"]])).toEqual([["true", q.answerBool ? "100" : "0"], ["false", q.answerBool ? "0" : "100"]]);
        break;
      case "matching": {
        const subs = m.subquestion ?? [];
        const pairs = matchPairs(q);
        expect(subs.slice(0, pairs.length).map((s) => ({ left: htmlToText(s.text), right: s.answer[0].text }))).toEqual(pairs);
        expect(subs.slice(pairs.length).map((s) => [s.text, s.answer[0].text])).toEqual(unmatchedRights(q).map((r) => ["", r]));
        break;
      }
      case "ordering": {
        const items = orderedItems(q);
        expect(m.gradingtype).toBe("ABSOLUTE_POSITION");
        expect(m.selectcount).toBe(`${items.length}`);
        expect(answers.map((a) => [htmlToText(a.text), Number(a["@fraction"])])).toEqual(items.map((o, rank) => [o.text, rank + 1]));
        break;
      }
    }
  });
}

describe("Moodle XML export", () => {
  it("is well-formed and holds every type's key, with Chinese and XML's special characters intact", () => {
    const bank = handWrittenBank();
    expect(bank.questions.some((q) => q.language === "zh" && q.stem.includes(NASTY))).toBe(true);
    check(bank);
  });

  it("leaves out the idnumber of an id longer than Moodle's 100 characters, keeping it in the name", () => {
    const [q] = handWrittenBank().questions;
    const long = { ...q, id: `${"x".repeat(101)}:figure-mc:1` };
    check({ title: "Long", scopeKey: "selection", questions: [long] });
    expect(toMoodleXml({ title: "Long", scopeKey: "selection", questions: [long] })).not.toContain("<idnumber>");
  });

  it("holds every generated lesson's questions", () => {
    for (const bank of generatedBanks()) check(bank);
  });
});
