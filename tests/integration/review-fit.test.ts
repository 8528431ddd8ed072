import { describe, expect, inject, it } from "vitest";
import { default_w } from "ts-fsrs";
import { db } from "@/lib/server/db";
import { registerStudent, type SessionUser } from "@/lib/server/data/users";
import { allowFitting, fitParametersIfDue, getParameterStatus, schedulingParameters, chooseDefaultParameters } from "@/lib/server/data/review-fit";
import { evaluate, FIT_THRESHOLD, historiesOf, targetsOf } from "@/lib/review/fit";
import { simulateLearner, type SimulatedReview } from "@/lib/review/simulate";
import { serializeCard } from "@/lib/review/scheduler";

const provider = inject("databaseProvider");
const DAY = 86_400_000;

let n = 0;
async function learner(): Promise<SessionUser> {
  return registerStudent({ name: `Fit learner ${++n}`, email: `fit-learner-${n}-${provider}@example.com`, password: "long-enough-pw" });
}

/** A learner who forgets much faster at first than FSRS's defaults assume, with a steeper curve. */
function trueParameters(): number[] {
  const w = [...default_w];
  for (let i = 0; i < 4; i++) w[i] *= 0.3;
  w[11] *= 1.4;
  w[20] = 0.5;
  return w;
}

/** Writes a simulated history as the app would have logged it: one card per simulated card, one row per review. */
async function seedHistory(user: SessionUser, reviews: SimulatedReview[]) {
  const cardIds = [...new Set(reviews.map((r) => r.cardId))];
  const id = (cardId: string) => `${user.id}-${cardId}`;
  const lastOf = new Map(reviews.map((r) => [r.cardId, r.after]));
  await db().reviewCard.createMany({
    data: cardIds.map((c) => ({ id: id(c), userId: user.id, factId: `sim:${c}`, lessonSlug: "simulated", sectorIds: "[]", origin: "lesson", ...lastOf.get(c)! })),
  });
  for (let i = 0; i < reviews.length; i += 500) {
    await db().reviewLog.createMany({
      data: reviews.slice(i, i + 500).map((r) => ({
        cardId: id(r.cardId),
        userId: user.id,
        kind: "review",
        correct: r.correct,
        rating: r.rating,
        stateBefore: r.before.state,
        stateAfter: r.after.state,
        cardBefore: serializeCard(r.before),
        cardAfter: serializeCard(r.after),
        elapsedDays: r.before.lastReview ? (r.reviewedAt.getTime() - r.before.lastReview.getTime()) / DAY : 0,
        scheduledDays: r.after.scheduledDays,
        reviewedAt: r.reviewedAt,
      })),
    });
  }
}

describe(`fitted FSRS parameters on ${provider}`, () => {
  it("fits a learner's history, predicts their held-out reviews better than the defaults, and goes back to defaults", async () => {
    const user = await learner();
    const log = simulateLearner(trueParameters(), { seed: 4242, days: 100, newPerDay: 8 });
    // Train on the first 70 days; the last 30 are held out (never in the database).
    const split = new Date(log[0].reviewedAt.getTime() + 70 * DAY);
    const past = log.filter((r) => r.reviewedAt < split);
    expect(past.length).toBeGreaterThan(FIT_THRESHOLD);
    await seedHistory(user, past);
    expect(await getParameterStatus(user)).toMatchObject({ kind: "default", chosen: false, reviews: past.length });

    const fittedAt = new Date(split.getTime() + DAY);
    expect(await fitParametersIfDue(user.id, fittedAt)).toBe("fitted");
    const parameters = await schedulingParameters(user.id);
    expect(parameters).toHaveLength(21);
    const status = await getParameterStatus(user);
    expect(status).toMatchObject({ kind: "fitted", fittedOn: past.length, fittedAt });
    if (status.kind !== "fitted") throw new Error("not fitted");
    expect(status.logLossAfter!).toBeLessThan(status.logLossBefore!);
    // A second fit is not due until the log has grown.
    expect(await fitParametersIfDue(user.id, fittedAt)).toBe("up-to-date");

    const heldOut = targetsOf(historiesOf(log)).filter((t) => t.at >= split);
    const withDefaults = evaluate(null, heldOut);
    const withFitted = evaluate(parameters, heldOut);
    expect(withFitted.count).toBeGreaterThan(300);
    expect(withFitted.logLoss).toBeLessThan(withDefaults.logLoss);
    expect(withFitted.rmseBins).toBeLessThan(withDefaults.rmseBins);

    await chooseDefaultParameters(user);
    expect(await schedulingParameters(user.id)).toBeNull();
    expect(await getParameterStatus(user)).toMatchObject({ kind: "default", chosen: true });
    expect(await fitParametersIfDue(user.id, fittedAt)).toBe("defaults-chosen");

    await allowFitting(user);
    expect(await fitParametersIfDue(user.id, fittedAt)).toBe("fitted");
    expect(await schedulingParameters(user.id)).toEqual(parameters);
  });

  it("does not fit a learner under the threshold", async () => {
    const user = await learner();
    const log = simulateLearner(trueParameters(), { seed: 77, days: 60, newPerDay: 8 });
    const few = log.slice(0, FIT_THRESHOLD - 1);
    await seedHistory(user, few);
    expect(await fitParametersIfDue(user.id, new Date())).toBe("below-threshold");
    expect(await db().reviewParameters.findUnique({ where: { userId: user.id } })).toBeNull();
    expect(await getParameterStatus(user)).toMatchObject({ kind: "default", reviews: FIT_THRESHOLD - 1, threshold: FIT_THRESHOLD });
  });

  it("lets one fit run at a time for a learner", async () => {
    const user = await learner();
    await seedHistory(user, simulateLearner(trueParameters(), { seed: 99, days: 60, newPerDay: 8 }));
    const outcomes = await Promise.all([fitParametersIfDue(user.id, new Date()), fitParametersIfDue(user.id, new Date())]);
    expect(outcomes.sort()).toEqual(["busy", "fitted"]);
  });
});
