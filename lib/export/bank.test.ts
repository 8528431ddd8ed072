import { describe, expect, it } from "vitest";
import { exportStem, feedbackLines, matchPairs, numericKey, plainNumber } from "./bank";
import { chineseQuestions } from "./test-helpers";
import { fixtureQuestions } from "@/tests/support/quiz-fixtures";

const typedZh = () => chineseQuestions().find((q) => q.type === "figure-typed")!;

describe("export bank helpers", () => {
  it("gives a typed key in the unit the stem asks for, not in base units", () => {
    expect(numericKey(typedZh())).toEqual({ value: 107.8, tolerance: 0.05 });
    expect(numericKey({ ...typedZh(), answerUnit: "%", answerValue: 34.19, tolerance: 0.005 })).toEqual({ value: 34.19, tolerance: 0.005 });
    expect(numericKey({ ...typedZh(), language: "en", answerUnit: "… billion US dollars", answerValue: 297_370_000_000, tolerance: 5_000_000 })).toEqual({ value: 297.37, tolerance: 0.005 });
    expect(plainNumber(0.0000005)).toBe("0.0000005");
  });

  it("says the unit again when an edit took it out of a typed stem", () => {
    const q = typedZh();
    expect(exportStem(q)).toBe(q.stem);
    expect(exportStem({ ...q, stem: "2020年出口稻米多少？" })).toBe("2020年出口稻米多少？（单位：亿美元）");
    const en = fixtureQuestions().find((x) => x.type === "figure-typed")!;
    expect(exportStem({ ...en, stem: "Rice exported in 2020?" })).toBe("Rice exported in 2020? (answer in tonnes)");
  });

  it("reads a matching pair's right side by option id, or by text in older banks", () => {
    expect(matchPairs(chineseQuestions().find((q) => q.type === "matching")!).map((p) => p.right)).toEqual(["稻米 -> 主粮", "小麦=面", "玉米#饲料"]);
    expect(matchPairs(fixtureQuestions().find((q) => q.type === "matching")!).map((p) => p.right)).toEqual(["28%", "12%", "7%"]);
  });

  it("puts the explanation, the source quote and the id in the feedback", () => {
    const q = typedZh();
    expect(feedbackLines(q)).toEqual([q.explanation, `出处：“${q.source.quote}”`, `题目编号：${q.id}`]);
    // A generated explanation quotes the source already: not twice.
    const quoting = { ...q, explanation: `课文原句：“${q.source.quote}”` };
    expect(feedbackLines(quoting)).toEqual([quoting.explanation, `题目编号：${q.id}`]);
  });
});
