import "server-only";
import { db } from "@/lib/server/db";
import { getUserTimeZone, type SessionUser } from "@/lib/server/data/users";
import { dueForecast, effectiveReviews, retentionByInterval, reviewsPerDay, type RetentionRow } from "@/lib/review/stats";
import { getReviewSettings } from "@/lib/server/data/review";

const DAY_MS = 86_400_000;
export const CALENDAR_DAYS = 26 * 7;
export const FORECAST_DAYS = 30;

const logFields = { id: true, kind: true, undoesId: true, reviewedAt: true, rating: true, stateBefore: true, elapsedDays: true } as const;

export interface ReviewStats {
  desiredRetention: number;
  cards: { total: number; byState: number[] };
  reviewsPerDay: { day: string; count: number }[];
  forecast: { day: string; count: number }[];
  retention: { rows: RetentionRow[]; overall: RetentionRow };
  totalReviews: number;
}

/**
 * A learner's own review statistics: calendar, forecast and true retention against the goal. Days
 * are the learner's own (their zone's midnight to midnight, decisions/0040).
 */
export async function getReviewStats(viewer: SessionUser, now: Date): Promise<ReviewStats> {
  const [settings, cards, logs, zone] = await Promise.all([
    getReviewSettings(viewer),
    db().reviewCard.findMany({ where: { userId: viewer.id }, select: { due: true, state: true } }),
    db().reviewLog.findMany({ where: { userId: viewer.id }, orderBy: { reviewedAt: "asc" }, select: logFields }),
    getUserTimeZone(viewer.id),
  ]);
  const timeZone = zone ?? "UTC";
  const reviews = effectiveReviews(logs);
  const byState = [0, 0, 0, 0];
  for (const c of cards) byState[c.state]++;
  return {
    desiredRetention: settings.desiredRetention,
    cards: { total: cards.length, byState },
    reviewsPerDay: reviewsPerDay(reviews, now, CALENDAR_DAYS, timeZone),
    forecast: dueForecast(cards, now, FORECAST_DAYS, timeZone),
    retention: retentionByInterval(reviews),
    totalReviews: reviews.length,
  };
}

export interface ReviewActivity {
  reviews7d: number;
  cards: number;
  dueNow: number;
  /** True retention over the last 30 days, or null with no reviews of learnt cards. */
  retention30d: number | null;
  lastReviewAt: Date | null;
}

/** Review activity of a class's students, for the class overview (the caller checks the viewer). */
export async function reviewActivityOf(studentIds: string[], now: Date): Promise<Map<string, ReviewActivity>> {
  const since = new Date(now.getTime() - 30 * DAY_MS);
  const [logs, cards, due] = await Promise.all([
    db().reviewLog.findMany({ where: { userId: { in: studentIds }, reviewedAt: { gte: since } }, select: { ...logFields, userId: true } }),
    db().reviewCard.groupBy({ by: ["userId"], where: { userId: { in: studentIds } }, _count: { _all: true } }),
    db().reviewCard.groupBy({ by: ["userId"], where: { userId: { in: studentIds }, state: { not: 0 }, due: { lte: now } }, _count: { _all: true } }),
  ]);
  const weekAgo = now.getTime() - 7 * DAY_MS;
  const byStudent = new Map<string, typeof logs>();
  for (const r of effectiveReviews(logs)) {
    const list = byStudent.get(r.userId);
    if (list) list.push(r);
    else byStudent.set(r.userId, [r]);
  }
  return new Map(
    studentIds.map((id) => {
      const mine = byStudent.get(id) ?? [];
      const last = mine.reduce<Date | null>((latest, r) => (!latest || r.reviewedAt > latest ? r.reviewedAt : latest), null);
      return [
        id,
        {
          reviews7d: mine.filter((r) => r.reviewedAt.getTime() >= weekAgo).length,
          cards: cards.find((c) => c.userId === id)?._count._all ?? 0,
          dueNow: due.find((c) => c.userId === id)?._count._all ?? 0,
          retention30d: retentionByInterval(mine).overall.retention,
          lastReviewAt: last,
        },
      ];
    }),
  );
}
