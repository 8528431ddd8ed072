import { describe, expect, it } from "vitest";
import { lessonMastery, sectorMastery } from "./mastery";

describe("lesson mastery", () => {
  it.each([
    [[], false, "not-started"],
    [[], true, "attempted"],
    [[0.5], true, "attempted"],
    [[0.7], true, "familiar"],
    [[0.9], true, "proficient"],
    [[0.95, 0.9], true, "mastered"],
    [[1, 0.6], true, "attempted"], // a later low score brings the level down
    [[0.6, 1], true, "proficient"],
  ] as const)("%j (answered: %s) → %s", (scores, answered, level) => {
    expect(lessonMastery([...scores], answered)).toBe(level);
  });
});

describe("sector mastery", () => {
  it("needs enough recent answers for the top levels", () => {
    expect(sectorMastery([])).toBe("not-started");
    expect(sectorMastery([true, true, true])).toBe("familiar");
    expect(sectorMastery(Array(5).fill(true))).toBe("proficient");
    expect(sectorMastery(Array(10).fill(true))).toBe("mastered");
    expect(sectorMastery([...Array(20).fill(false), ...Array(10).fill(true)])).toBe("mastered");
    expect(sectorMastery([true, false, false])).toBe("attempted");
  });
});
