import { describe, expect, it } from "vitest";
import { AnswerDoesNotFitError, checkAnswerFits, gradeAnswer } from "./grade-answer";
import type { QuizQuestion } from "./question";
import type { Answer } from "@/lib/schemas/answer";

const base = { documentSlug: "d", language: "en", answerText: "", explanation: "", source: { sentenceId: "t0", quote: "" }, figureIds: [], sectorIds: [] };
const mc: QuizQuestion = { ...base, id: "mc", type: "sector-id", stem: "?", options: [{ id: "s1", text: "A" }, { id: "s2", text: "B" }], correctOptionId: "s1" };
const match: QuizQuestion = { ...base, id: "m", type: "matching", stem: "?", options: [{ id: "m1", text: "x" }, { id: "m2", text: "y" }], pairs: [{ left: "X", right: "x" }, { left: "Y", right: "y" }] };
const order: QuizQuestion = { ...base, id: "o", type: "ordering", stem: "?", options: [{ id: "o1", text: "a" }, { id: "o2", text: "b" }, { id: "o3", text: "c" }], correctOrder: ["o1", "o2", "o3"] };
const typed = () => ({ correct: false, value: null, readAs: null });

describe("checkAnswerFits", () => {
  it.each<[QuizQuestion, Answer]>([
    [mc, { kind: "option", optionId: "s2" }],
    [match, { kind: "matching", choices: ["m2", "m1"] }],
    [order, { kind: "ordering", order: ["o3", "o1", "o2"] }],
  ])("accepts answers made of the question's own ids (%#)", (q, answer) => {
    expect(checkAnswerFits(q, answer)).toBeNull();
  });

  it.each<[string, QuizQuestion, Answer]>([
    ["a separator smuggling another question's id", mc, { kind: "option", optionId: "s1\u001fother-question\u001f+\u001fo1" }],
    ["an option id of no option", mc, { kind: "option", optionId: "s9" }],
    ["the wrong kind", mc, { kind: "bool", value: true }],
    ["a matching choice that is not an option", match, { kind: "matching", choices: ["m1", "m1\u001fx"] }],
    ["too few matching choices", match, { kind: "matching", choices: ["m1"] }],
    ["an ordering with a foreign item", order, { kind: "ordering", order: ["o1", "o2", "zz"] }],
    ["an ordering that repeats an item", order, { kind: "ordering", order: ["o1", "o1", "o2"] }],
    ["an ordering that leaves an item out", order, { kind: "ordering", order: ["o1", "o2"] }],
  ])("refuses %s", (_, q, answer) => {
    expect(checkAnswerFits(q, answer)).toEqual(expect.any(String));
    expect(() => gradeAnswer(q, answer, typed)).toThrow(AnswerDoesNotFitError);
  });
});
