import { describe, expect, it } from "vitest";
import { formatSampled, sampleQuestions } from "./sample";
import type { ContentBundle, Question } from "./schema";

const question = (i: number, language: "en" | "zh"): Question => ({
  id: `doc-${language}:true-false:${i}`,
  documentSlug: `doc-${language}`,
  language,
  type: "true-false",
  stem: `Statement ${i}`,
  options: null,
  answerText: "True",
  answerBool: true,
  explanation: "",
  source: { sentenceId: `s${i}`, quote: `Source sentence ${i}.` },
  figureIds: [],
  sectorIds: [],
});
const bundle = { questions: [...Array.from({ length: 20 }, (_, i) => question(i, "en")), ...Array.from({ length: 5 }, (_, i) => question(i, "zh"))] } as ContentBundle;

describe("sampleQuestions", () => {
  it("draws the same questions for the same seed, whatever order the bank is in", () => {
    const a = sampleQuestions(bundle, { n: 6, seed: "x", language: "en" });
    const b = sampleQuestions({ ...bundle, questions: [...bundle.questions].reverse() }, { n: 6, seed: "x", language: "en" });
    expect(a.map((q) => q.id)).toEqual(b.map((q) => q.id));
    expect(new Set(a.map((q) => q.id)).size).toBe(6);
    expect(sampleQuestions(bundle, { n: 6, seed: "y", language: "en" }).map((q) => q.id)).not.toEqual(a.map((q) => q.id));
  });
  it("keeps to the language asked and gives fewer when the bank is smaller", () => {
    const zh = sampleQuestions(bundle, { n: 30, seed: "x", language: "zh" });
    expect(zh).toHaveLength(5);
    expect(zh.every((q) => q.language === "zh")).toBe(true);
  });
  it("prints the stem, the key and the source sentence", () => {
    expect(formatSampled(question(3, "en"), 0)).toMatch(/#1 \[en · true-false\][\s\S]*Statement 3[\s\S]*key: True[\s\S]*source: Source sentence 3\./);
  });
});
