import "server-only";
import { db } from "@/lib/server/db";
import { isUniqueViolation } from "@/lib/server/errors";
import { logger } from "@/lib/logger";
import type { SessionUser } from "@/lib/server/data/users";
import { evaluate, FIT_THRESHOLD, fitParameters, historiesOf, REFIT_GROWTH, targetsOf } from "@/lib/review/fit";

/**
 * Per-learner FSRS parameters (decisions/0036): fitted in the background once a learner has
 * FIT_THRESHOLD reviews in force, again when the log has grown by REFIT_GROWTH, and used to schedule
 * that learner's reviews. A fit never runs inside a request: `queueParameterFit` starts it after the
 * reply, one at a time per learner in a process and, through `fitStartedAt`, across processes.
 */

/** A fit that started this long ago is taken to have died with its process, and may be taken over. */
const STALE_FIT_MS = 10 * 60 * 1000;

export type ParameterStatus =
  | { kind: "default"; reviews: number; threshold: number; chosen: boolean }
  | { kind: "fitted"; reviews: number; fittedOn: number; fittedAt: Date; logLossBefore: number | null; logLossAfter: number | null };

/** The learner's fitted parameters, or null to schedule with the defaults. */
export async function schedulingParameters(userId: string): Promise<number[] | null> {
  const row = await db().reviewParameters.findUnique({ where: { userId }, select: { parameters: true, useDefaults: true } });
  return parametersOf(row);
}

/** schedulingParameters from a row read with other things (`useDefaults` as a raw SQL boolean: 0/1 on SQLite). */
export function parametersOf(row: { parameters: string | null; useDefaults: boolean | number | bigint | null } | null): number[] | null {
  return row?.parameters && !Number(row.useDefaults) ? (JSON.parse(row.parameters) as number[]) : null;
}

/** Reviews in force: every review row less the undo rows (each undo cancels exactly one review). */
export async function reviewsInForce(userId: string): Promise<number> {
  const [reviews, undos] = await Promise.all([db().reviewLog.count({ where: { userId, kind: "review" } }), db().reviewLog.count({ where: { userId, kind: "undo" } })]);
  return reviews - undos;
}

export async function getParameterStatus(viewer: SessionUser): Promise<ParameterStatus> {
  const [row, reviews] = await Promise.all([db().reviewParameters.findUnique({ where: { userId: viewer.id } }), reviewsInForce(viewer.id)]);
  if (row?.parameters && !row.useDefaults && row.fittedAt) {
    return { kind: "fitted", reviews, fittedOn: row.reviewCount, fittedAt: row.fittedAt, logLossBefore: row.logLossBefore, logLossAfter: row.logLossAfter };
  }
  return { kind: "default", reviews, threshold: FIT_THRESHOLD, chosen: !!row?.useDefaults };
}

/** "Go back to the defaults": the fitted set is dropped and no new fit runs until the learner asks. */
export async function chooseDefaultParameters(viewer: SessionUser): Promise<void> {
  const data = { parameters: null, fittedAt: null, reviewCount: 0, logLossBefore: null, logLossAfter: null, useDefaults: true };
  await db().reviewParameters.upsert({ where: { userId: viewer.id }, create: { userId: viewer.id, ...data }, update: data });
}

/** "Fit to my reviews": fitting is allowed again (it runs in the background when the log is large enough). */
export async function allowFitting(viewer: SessionUser): Promise<void> {
  await db().reviewParameters.updateMany({ where: { userId: viewer.id }, data: { useDefaults: false } });
}

export type FitOutcome = "fitted" | "below-threshold" | "up-to-date" | "defaults-chosen" | "busy" | "no-data";

/** Fits the learner's parameters when due (see the module comment). Awaitable, for tests and scripts. */
export async function fitParametersIfDue(userId: string, now: Date): Promise<FitOutcome> {
  const row = await db().reviewParameters.findUnique({ where: { userId }, select: { useDefaults: true, parameters: true, reviewCount: true } });
  if (row?.useDefaults) return "defaults-chosen";
  const reviews = await reviewsInForce(userId);
  if (reviews < FIT_THRESHOLD) return "below-threshold";
  if (row?.parameters && reviews < row.reviewCount * REFIT_GROWTH) return "up-to-date";
  if (!row) {
    try {
      await db().reviewParameters.create({ data: { userId } });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // created by a concurrent fit
    }
  }
  const claimed = await db().reviewParameters.updateMany({
    where: { userId, useDefaults: false, OR: [{ fitStartedAt: null }, { fitStartedAt: { lt: new Date(now.getTime() - STALE_FIT_MS) } }] },
    data: { fitStartedAt: now },
  });
  if (claimed.count === 0) return "busy";
  try {
    const logs = await db().reviewLog.findMany({ where: { userId }, select: { id: true, kind: true, undoesId: true, cardId: true, reviewedAt: true, rating: true } });
    const undone = new Set(logs.filter((l) => l.kind === "undo").map((l) => l.undoesId));
    const inForce = logs.filter((l) => l.kind === "review" && l.rating && !undone.has(l.id)).map((l) => ({ cardId: l.cardId, reviewedAt: l.reviewedAt, rating: l.rating! }));
    const targets = targetsOf(historiesOf(inForce));
    if (evaluate(null, targets).count === 0) return "no-data";
    const parameters = await fitParameters(targets);
    const before = evaluate(null, targets);
    const after = evaluate(parameters, targets);
    // Not over a "go back to the defaults" chosen while the fit ran.
    await db().reviewParameters.updateMany({
      where: { userId, useDefaults: false },
      data: { parameters: JSON.stringify(parameters), fittedAt: now, reviewCount: inForce.length, logLossBefore: before.logLoss, logLossAfter: after.logLoss },
    });
    return "fitted";
  } finally {
    await db().reviewParameters.updateMany({ where: { userId }, data: { fitStartedAt: null } });
  }
}

const running = new Set<string>();

/** Starts a fit after the current request has been answered, unless one is already running for the learner. */
export function queueParameterFit(userId: string, now: () => Date = () => new Date()): void {
  if (running.has(userId)) return;
  running.add(userId);
  setImmediate(() => {
    fitParametersIfDue(userId, now())
      .then((outcome) => {
        if (outcome === "fitted") logger.info({ userId }, "review parameters fitted");
      })
      .catch((error: unknown) => logger.error({ err: error, userId }, "review parameter fit failed"))
      .finally(() => running.delete(userId));
  });
}
