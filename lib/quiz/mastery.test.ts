import { describe, expect, it } from "vitest";
import { MIN_DISTINCT_QUESTIONS, lessonMastery, sectorMastery } from "./mastery";

const plenty = { distinctAnswered: 20, available: 40 };

describe("lesson mastery", () => {
  it.each([
    [[], 0, "not-started"],
    [[], 3, "attempted"],
    [[0.5], 10, "attempted"],
    [[0.7], 10, "familiar"],
    [[0.9], 10, "proficient"],
    [[0.95, 0.9], 10, "mastered"],
    [[1, 0.6], 10, "attempted"], // a later low score brings the level down
    [[0.6, 1], 10, "proficient"],
  ] as const)("%j (distinct questions answered: %s) → %s", (scores, distinct, level) => {
    expect(lessonMastery([...scores], { distinctAnswered: distinct, available: 40 })).toBe(level);
  });

  it("a 70% quiz and a few short quizzes at 100% on the same questions are not mastery", () => {
    // 10-question quiz at 70%, then two 2-question figures-only quizzes at 100% (3 distinct questions among them).
    expect(lessonMastery([0.7, 1, 1], { distinctAnswered: 9, available: 40 })).toBe("attempted");
    expect(lessonMastery([0.7, 1, 1], { distinctAnswered: MIN_DISTINCT_QUESTIONS, available: 40 })).toBe("mastered");
  });

  it("a lesson with fewer than 10 questions can be mastered by answering all of them", () => {
    expect(lessonMastery([1, 1], { distinctAnswered: 7, available: 8 })).toBe("attempted");
    expect(lessonMastery([1, 1], { distinctAnswered: 8, available: 8 })).toBe("mastered");
    expect(lessonMastery([1, 1], plenty)).toBe("mastered");
  });
});

describe("sector mastery", () => {
  const answers = (ids: string[], correct = true) => ids.map((questionId) => ({ questionId, correct }));
  const distinct = (n: number, prefix = "q") => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

  it("needs enough recent answers for the top levels", () => {
    expect(sectorMastery([], 40)).toBe("not-started");
    expect(sectorMastery(answers(distinct(3)), 40)).toBe("attempted"); // 3 of 40: too few to rate
    expect(sectorMastery(answers(distinct(3)), 3)).toBe("familiar"); // all 3 of a 3-question sector
    expect(sectorMastery(answers(distinct(10)), 40)).toBe("mastered");
    expect(sectorMastery([...answers(distinct(20, "w"), false), ...answers(distinct(10))], 40)).toBe("mastered");
    expect(sectorMastery([{ questionId: "a", correct: true }, ...answers(["b", "c"], false)], 40)).toBe("attempted");
  });

  it("the same few questions answered again and again are not mastery", () => {
    const repeated = answers(Array.from({ length: 12 }, (_, i) => `q${i % 3}`));
    expect(sectorMastery(repeated, 40)).toBe("attempted");
    expect(sectorMastery(repeated, 3)).toBe("mastered"); // a 3-question sector: all of it answered
  });
});

describe("no level above attempted without 10 distinct questions (decisions/0108)", () => {
  it("one right answer on a sector is not familiar", () => {
    expect(sectorMastery([{ questionId: "a", correct: true }], 40)).toBe("attempted");
    expect(sectorMastery([{ questionId: "a", correct: true }], 1)).toBe("familiar"); // the sector's only question
  });
  it("a sector at 70–80% is familiar once 10 distinct questions are answered, not before", () => {
    const mixed = (n: number) => Array.from({ length: n }, (_, i) => ({ questionId: `q${i}`, correct: i % 4 !== 0 }));
    expect(sectorMastery(mixed(9), 40)).toBe("attempted");
    expect(sectorMastery(mixed(10), 40)).toBe("familiar");
  });
  it("a lesson quiz of a few questions at 100% is not familiar", () => {
    expect(lessonMastery([1], { distinctAnswered: 2, available: 40 })).toBe("attempted");
    expect(lessonMastery([0.7], { distinctAnswered: MIN_DISTINCT_QUESTIONS, available: 40 })).toBe("familiar");
  });
});
