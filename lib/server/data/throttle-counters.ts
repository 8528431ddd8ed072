import "server-only";
import { db } from "@/lib/server/db";

export interface CounterHit {
  /** Hits in the current window, this one included. */
  points: number;
  /** When the current window ends (epoch ms). */
  expiresAt: number;
}

/**
 * Counts one hit on `key` in a fixed window of `windowMs`, atomically, in the database every server
 * process shares: one `INSERT … ON CONFLICT DO UPDATE … RETURNING` statement (SQLite ≥ 3.35 and
 * PostgreSQL both have it), so parallel requests can never both read the same count. An expired
 * window starts again at 1.
 */
export async function hitCounter(key: string, windowMs: number, now = Date.now()): Promise<CounterHit> {
  const nowMs = BigInt(now);
  const expires = BigInt(now + windowMs);
  const rows = await db().$queryRaw<{ points: number | bigint; expiresAt: number | bigint }[]>`
    INSERT INTO "RateLimitCounter" ("key", "points", "expiresAt") VALUES (${key}, 1, ${expires})
    ON CONFLICT ("key") DO UPDATE SET
      "points" = CASE WHEN "RateLimitCounter"."expiresAt" <= ${nowMs} THEN 1 ELSE "RateLimitCounter"."points" + 1 END,
      "expiresAt" = CASE WHEN "RateLimitCounter"."expiresAt" <= ${nowMs} THEN excluded."expiresAt" ELSE "RateLimitCounter"."expiresAt" END
    RETURNING "points", "expiresAt"`;
  const row = rows[0]!;
  if (Math.random() < 0.01) void pruneExpiredCounters(now).catch(() => undefined);
  return { points: Number(row.points), expiresAt: Number(row.expiresAt) };
}

/** Takes one hit back (a request that turned out to be legitimate), never below zero. */
export async function refundCounter(key: string): Promise<void> {
  await db().rateLimitCounter.updateMany({ where: { key, points: { gt: 0 } }, data: { points: { decrement: 1 } } });
}

export async function deleteCounter(key: string): Promise<void> {
  await db().rateLimitCounter.deleteMany({ where: { key } });
}

/** Expired windows are dead rows; a hit now and then clears them so the table stays small. */
export async function pruneExpiredCounters(now = Date.now()): Promise<void> {
  await db().rateLimitCounter.deleteMany({ where: { expiresAt: { lte: BigInt(now) } } });
}
