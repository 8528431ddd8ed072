import { describe, expect, it } from "vitest";
import { newCardState, parseCard, RATING, ratingFor, ratingsAllowed, reviewCard, serializeCard, type CardState } from "./scheduler";

const t0 = new Date("2026-03-01T09:00:00Z");
const minutes = (n: number) => n * 60 * 1000;
const days = (n: number) => n * 24 * 60 * 60 * 1000;
const at = (ms: number) => new Date(t0.getTime() + ms);
const opts = { desiredRetention: 0.9, fuzz: false };

/** Reviews a card through the given ratings, each when the card falls due. */
function run(card: CardState, ratings: (keyof typeof RATING)[], options = opts): CardState {
  for (const r of ratings) card = reviewCard(card, RATING[r], card.due < t0 ? t0 : card.due, options);
  return card;
}

describe("scheduling a new card (fixed clock, no fuzz)", () => {
  it("starts new and due at once", () => {
    const card = newCardState(t0);
    expect(card).toMatchObject({ state: 0, reps: 0, lapses: 0, lastReview: null });
    expect(card.due).toEqual(t0);
  });

  it("Good on a new card enters learning and comes back in minutes, Again sooner", () => {
    const good = reviewCard(newCardState(t0), RATING.good, t0, opts);
    const again = reviewCard(newCardState(t0), RATING.again, t0, opts);
    expect(good.state).toBe(1);
    expect(good.due.getTime() - t0.getTime()).toBe(minutes(10));
    expect(again.due.getTime() - t0.getTime()).toBe(minutes(1));
    expect(good.reps).toBe(1);
    expect(good.lastReview).toEqual(t0);
  });

  it("Easy on a new card graduates it to review with an interval of days", () => {
    const easy = reviewCard(newCardState(t0), RATING.easy, t0, opts);
    expect(easy.state).toBe(2);
    expect(easy.scheduledDays).toBeGreaterThanOrEqual(2);
    expect(easy.due.getTime() - t0.getTime()).toBe(days(easy.scheduledDays));
  });

  it("is deterministic without fuzz", () => {
    expect(run(newCardState(t0), ["good", "good", "good", "hard"])).toEqual(run(newCardState(t0), ["good", "good", "good", "hard"]));
  });
});

describe("a lapse", () => {
  it("Again on a card in review sends it to relearning, counts a lapse and lowers stability", () => {
    const learnt = run(newCardState(t0), ["good", "good", "good"]);
    expect(learnt.state).toBe(2);
    const lapsed = reviewCard(learnt, RATING.again, learnt.due, opts);
    expect(lapsed.state).toBe(3);
    expect(lapsed.lapses).toBe(1);
    expect(lapsed.stability).toBeLessThan(learnt.stability);
    expect(lapsed.due.getTime() - learnt.due.getTime()).toBe(minutes(10));
  });
});

describe("undo", () => {
  it("restores the exact state before the review, and reviewing again gives the same result", () => {
    const before = run(newCardState(t0), ["good", "good"]);
    const snapshot = serializeCard(before);
    const after = reviewCard(before, RATING.again, at(days(5)), opts);
    expect(after).not.toEqual(before);
    const restored = parseCard(snapshot);
    expect(restored).toEqual(before);
    expect(reviewCard(restored, RATING.again, at(days(5)), opts)).toEqual(after);
  });
});

describe("the desired retention setting", () => {
  it("a higher retention schedules the same card sooner, a lower one later", () => {
    const learnt = run(newCardState(t0), ["good", "good"]);
    const interval = (desiredRetention: number) => reviewCard(learnt, RATING.good, learnt.due, { desiredRetention, fuzz: false }).scheduledDays;
    expect(interval(0.97)).toBeLessThan(interval(0.9));
    expect(interval(0.8)).toBeGreaterThan(interval(0.9));
  });
});

describe("ratings from answers", () => {
  it("a correct answer rates Good and may become Hard or Easy; a wrong one is Again only", () => {
    expect(ratingFor(true)).toBe(RATING.good);
    expect(ratingFor(false)).toBe(RATING.again);
    expect(ratingsAllowed(true)).toEqual([RATING.hard, RATING.good, RATING.easy]);
    expect(ratingsAllowed(false)).toEqual([RATING.again]);
  });
});
