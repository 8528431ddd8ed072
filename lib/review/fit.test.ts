import { describe, expect, it } from "vitest";
import { default_w } from "ts-fsrs";
import { evaluate, historiesOf, targetsOf } from "./fit";
import { seededRandom, simulatedParameters, simulateLearner } from "./simulate";

const at = (iso: string) => new Date(iso);

describe("review logs as FSRS items", () => {
  it("counts whole UTC days between a card's reviews and keeps only targets with a review on a later day", () => {
    const histories = historiesOf([
      { cardId: "a", reviewedAt: at("2026-01-03T09:00:00Z"), rating: 3 },
      { cardId: "a", reviewedAt: at("2026-01-01T23:50:00Z"), rating: 1 },
      { cardId: "a", reviewedAt: at("2026-01-02T00:05:00Z"), rating: 3 },
      { cardId: "b", reviewedAt: at("2026-01-01T10:00:00Z"), rating: 3 },
      { cardId: "b", reviewedAt: at("2026-01-01T10:10:00Z"), rating: 3 },
    ]);
    expect(histories.find((h) => h.cardId === "a")!.reviews.map((r) => [r.rating, r.deltaT])).toEqual([[1, 0], [3, 1], [3, 1]]);
    // b never left its first day: fsrs-rs would abort the process on it, so it is no target.
    const targets = targetsOf(histories);
    expect(targets.map((t) => t.history.length)).toEqual([2, 3]);
    expect(targets.map((t) => t.at)).toEqual([at("2026-01-02T00:05:00Z"), at("2026-01-03T09:00:00Z")]);
  });

  it("scores only reviews on a later day, and nothing when there is none", () => {
    expect(evaluate(null, []).count).toBe(0);
    const targets = targetsOf(historiesOf(simulateLearner(default_w, { seed: 3, days: 20, newPerDay: 5 })));
    const m = evaluate(null, targets);
    expect(m.count).toBe(targets.filter((t) => t.history.at(-1)!.deltaT > 0).length);
    expect(m.logLoss).toBeGreaterThan(0);
  });
});

describe("simulated learners", () => {
  it("are reproducible from their seed", () => {
    const a = simulateLearner(simulatedParameters(seededRandom(5)), { seed: 9, days: 15, newPerDay: 4 });
    const b = simulateLearner(simulatedParameters(seededRandom(5)), { seed: 9, days: 15, newPerDay: 4 });
    expect(a.map((r) => [r.cardId, r.reviewedAt.toISOString(), r.rating])).toEqual(b.map((r) => [r.cardId, r.reviewedAt.toISOString(), r.rating]));
    expect(a.length).toBeGreaterThan(40);
  });

  it("remember as often as their true parameters predict", () => {
    const truth = simulatedParameters(seededRandom(11));
    const log = simulateLearner(truth, { seed: 12, days: 60, newPerDay: 8 });
    const later = log.filter((r) => r.before.lastReview && r.reviewedAt.getTime() - r.before.lastReview.getTime() > 86_400_000);
    const expected = later.reduce((s, r) => s + r.trueRecall, 0) / later.length;
    const observed = later.filter((r) => r.correct).length / later.length;
    expect(Math.abs(observed - expected)).toBeLessThan(0.03);
  });
});
