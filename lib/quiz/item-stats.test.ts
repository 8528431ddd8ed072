import { describe, expect, it } from "vitest";
import { itemStatistics, type ItemResponse } from "./item-stats";

/** Ten students; student i gets question q right when i >= cut[q]. Strong students are 5..9. */
function responses(cuts: Record<string, number>): ItemResponse[] {
  const out: ItemResponse[] = [];
  for (let i = 0; i < 10; i++) for (const [q, cut] of Object.entries(cuts)) out.push({ studentId: `s${i}`, questionId: q, correct: i >= cut });
  return out;
}

describe("item statistics", () => {
  it("computes facility and separates good from poor discriminators", () => {
    const stats = itemStatistics(responses({ a: 5, b: 5, c: 5, good: 5, everyone: 0, nobody: 10 }));
    const by = new Map(stats.map((s) => [s.questionId, s]));
    expect(by.get("good")!.facility).toBe(0.5);
    expect(by.get("good")!.discrimination).toBe(1);
    expect(by.get("good")!.pointBiserial).toBeGreaterThan(0.9);
    expect(by.get("everyone")!.flags).toEqual(["too-easy", "poor-discrimination"]);
    expect(by.get("nobody")!.flags).toEqual(["too-hard", "poor-discrimination"]);
    expect(by.get("good")!.flags).toEqual([]);
  });

  it("flags an item that the weak students get right and the strong ones wrong", () => {
    const rs = responses({ a: 5, b: 5, c: 5 });
    for (let i = 0; i < 10; i++) rs.push({ studentId: `s${i}`, questionId: "reversed", correct: i < 5 });
    const reversed = itemStatistics(rs).find((s) => s.questionId === "reversed")!;
    expect(reversed.discrimination).toBe(-1);
    expect(reversed.pointBiserial).toBeLessThan(0);
    expect(reversed.flags).toContain("poor-discrimination");
  });

  it("reports option shares and non-functional distractors", () => {
    const rs: ItemResponse[] = Array.from({ length: 20 }, (_, i) => ({
      studentId: `s${i}`,
      questionId: "mc",
      correct: i < 12,
      optionId: i < 12 ? "key" : i < 19 ? "d1" : "d2",
    }));
    const [mc] = itemStatistics(rs, new Map([["mc", ["key", "d1", "d2", "d3"]]]));
    expect(mc.optionShares).toEqual({ key: 0.6, d1: 0.35, d2: 0.05, d3: 0 });
    expect(mc.flags).toContain("non-functional-distractor"); // d3 chosen by nobody
  });

  it("counts each student's latest answer once, and needs five students for discrimination", () => {
    const rs: ItemResponse[] = [
      { studentId: "x", questionId: "q", correct: false },
      { studentId: "x", questionId: "q", correct: true },
      { studentId: "y", questionId: "q", correct: false },
    ];
    const [q] = itemStatistics(rs);
    expect(q.answers).toBe(2);
    expect(q.facility).toBe(0.5);
    expect(q.discrimination).toBeNull();
    expect(q.flags).toEqual([]);
  });

  it("raises no automatic flag before five answers", () => {
    const few = (n: number): ItemResponse[] => Array.from({ length: n }, (_, i) => ({ studentId: `s${i}`, questionId: "q", correct: false, optionId: "d1" }));
    const options = new Map([["q", ["key", "d1"]]]);
    expect(itemStatistics(few(2), options)[0]!.flags).toEqual([]);
    expect(itemStatistics(few(4), options)[0]!.flags).toEqual([]);
    expect(itemStatistics(few(5), options)[0]!.flags).toContain("too-hard");
  });
});
