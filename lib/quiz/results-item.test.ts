import { describe, expect, it } from "vitest";
import type { Feedback } from "./question";
import { resultsItemText } from "./results-item";

const quote = "Exports rose 12% in 2019.";
const feedback = (explanation: string): Feedback => ({ correct: false, answerText: "12%", explanation, readAs: null, source: { lessonSlug: "l", sentenceId: "s1", quote } });

describe("resultsItemText", () => {
  it("shows the quote once, under a stem that blanks it, and drops the explanation that only repeats it", () => {
    expect(resultsItemText("Fill in the blank: “Exports rose ___ in 2019.”", feedback(`The lesson says: “${quote}”`), "en")).toEqual({ quote, note: null });
  });

  it("leaves the quote out when the stem already holds it, and keeps what the explanation adds", () => {
    const f = feedback(`False: the lesson gives 12%, not 20%. The lesson says: “${quote}”`);
    expect(resultsItemText(`True or false? “${quote}”`, f, "en")).toEqual({ quote: null, note: "False: the lesson gives 12%, not 20%." });
  });

  it("reads the Chinese wording of the explanation", () => {
    const zh = "出口增长12%。";
    const f: Feedback = { ...feedback(`课文原句：“${zh}”`), source: { lessonSlug: "l", sentenceId: "s1", quote: zh } };
    expect(resultsItemText("判断正误：“出口增长20%。”", f, "zh")).toEqual({ quote: zh, note: null });
  });
});
