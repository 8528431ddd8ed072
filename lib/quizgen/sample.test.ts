import { describe, expect, it } from "vitest";
import { formatReviewSampled, formatSampled, sampleQuestions } from "./sample";
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
  it("draws review-only questions when asked, and prints each with its fact's other questions", () => {
    const quiz = { ...question(1, "en"), factId: "figure:a", type: "figure-typed" as const, stem: "Quiz stem" };
    const review = { ...question(2, "en"), factId: "figure:a", stem: "Review statement" };
    const withReview = { ...bundle, questions: [quiz], reviewOnlyQuestions: [review] } as ContentBundle;
    expect(sampleQuestions(withReview, { n: 5, seed: "x", reviewOnly: true }).map((q) => q.id)).toEqual([review.id]);
    expect(sampleQuestions(withReview, { n: 5, seed: "x" }).map((q) => q.id)).toEqual([quiz.id]);
    expect(formatReviewSampled(withReview, review, 0)).toMatch(/Review statement[\s\S]*fact: figure:a[\s\S]*also \(quiz · figure-typed\): Quiz stem → True/);
  });
});
