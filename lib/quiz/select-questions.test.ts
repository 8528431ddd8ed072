import { describe, expect, it } from "vitest";
import { selectQuestions, type QuestionHistory, type SelectableQuestion } from "./select-questions";

function q(id: string, type: string, sentence: string, figures: string[] = []): SelectableQuestion {
  return { id, type, source: { sentenceId: sentence }, figureIds: figures };
}

const pool = [
  q("a1", "figure-mc", "s1", ["f1"]),
  q("a2", "figure-typed", "s1", ["f1"]), // same sentence and figure as a1
  q("b1", "figure-mc", "s2", ["f2"]),
  q("b2", "true-false", "s3", ["f2"]), // same figure as b1
  q("c1", "sector-id", "s4"),
  q("c2", "matching", "s5", ["f3", "f4"]),
  q("c3", "ordering", "s6", ["f5", "f6"]),
  q("c4", "figure-typed", "s7", ["f7"]),
];

describe("selectQuestions", () => {
  it("never puts two questions that reveal each other in one quiz", () => {
    for (let seed = 1; seed <= 50; seed++) {
      const ids = selectQuestions(pool, new Map(), { count: 10, seed }).map((x) => x.id);
      expect(ids.includes("a1") && ids.includes("a2")).toBe(false);
      expect(ids.includes("b1") && ids.includes("b2")).toBe(false);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it("is deterministic for a seed and differs across seeds", () => {
    const a = selectQuestions(pool, new Map(), { count: 4, seed: 7 }).map((x) => x.id);
    expect(selectQuestions(pool, new Map(), { count: 4, seed: 7 }).map((x) => x.id)).toEqual(a);
    const others = new Set(Array.from({ length: 20 }, (_, s) => selectQuestions(pool, new Map(), { count: 4, seed: s }).map((x) => x.id).join()));
    expect(others.size).toBeGreaterThan(1);
  });

  it("mixes types: a 5-question quiz from 6 types has 5 different types", () => {
    const types = selectQuestions(pool, new Map(), { count: 5, seed: 3 }).map((x) => x.type);
    expect(new Set(types).size).toBe(5);
  });

  it("draws in tiers: never shown, then answered wrong, then left blank, then answered right", () => {
    const history: QuestionHistory = new Map([
      ["c1", { seen: 1, last: "wrong" }],
      ["c2", { seen: 3, last: "right" }],
      ["c3", { seen: 1, last: "blank" }],
    ]);
    // One type and no shared sentences, so only the tiers decide.
    const only = [pool[4], pool[5], pool[6], pool[7]].map((x) => ({ ...x, type: "sector-id" }));
    for (let seed = 1; seed <= 20; seed++) {
      expect(selectQuestions(only, history, { count: 4, seed }).map((x) => x.id)).toEqual(["c4", "c1", "c3", "c2"]);
    }
  });

  it("answered right: the least seen first", () => {
    const history: QuestionHistory = new Map([
      ["c1", { seen: 4, last: "right" }],
      ["c2", { seen: 1, last: "right" }],
    ]);
    const only = [pool[4], pool[5]].map((x) => ({ ...x, type: "sector-id" }));
    expect(selectQuestions(only, history, { count: 1, seed: 1 }).map((x) => x.id)).toEqual(["c2"]);
  });

  it("keeps only figure questions for a figures-only quiz", () => {
    const types = selectQuestions(pool, new Map(), { count: 10, seed: 2, figuresOnly: true }).map((x) => x.type);
    expect(types.length).toBeGreaterThan(0);
    expect(types.every((t) => t === "figure-mc" || t === "figure-typed")).toBe(true);
  });
});
