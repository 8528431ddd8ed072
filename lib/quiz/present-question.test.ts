import { describe, expect, it } from "vitest";
import { presentQuestion } from "./present-question";
import type { QuizQuestion } from "./question";

const typed: QuizQuestion = {
  id: "t:figure-typed:1",
  documentSlug: "t",
  language: "zh",
  type: "figure-typed",
  stem: "填空：“2021年，瑞典纸浆出口额为____亿瑞典克朗。”",
  options: null,
  answerText: "2973.7亿",
  answerValue: 297_370_000_000,
  tolerance: 5_000_000,
  explanation: "课文原句：…",
  source: { sentenceId: "t:s-1", quote: "…" },
  figureIds: [],
  sectorIds: [],
};

describe("a typed question as the browser sees it", () => {
  it("carries the generator's hint examples and no key", () => {
    const shown = presentQuestion({ ...typed, typedExamples: ["65%", "６５％", "1846.5亿", "184.65 billion"] }, 1);
    expect(shown.examples).toEqual(["65%", "６５％", "1846.5亿", "184.65 billion"]);
    expect(JSON.stringify(shown)).not.toContain("2973.7");
  });
  it("shows no examples for a question built before them (the hint then names none)", () => {
    expect(presentQuestion(typed, 1).examples).toBeUndefined();
  });
});
