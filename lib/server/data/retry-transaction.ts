import "server-only";
import { db, type Db } from "@/lib/server/db";
import { isUniqueViolation } from "@/lib/server/errors";

export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export const TRANSACTION_TRIES = 3;

/**
 * A transaction lost to a concurrent one, and worth running again from the start: Prisma's write
 * conflict or deadlock (P2034), PostgreSQL's serialization failure or deadlock (40001, 40P01),
 * SQLite's busy or locked database, or a unique row a concurrent transaction inserted first (the
 * next try reads it and skips it).
 */
export function isRetryable(error: unknown): boolean {
  if (isUniqueViolation(error)) return true;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown } | null;
  if (!e || typeof e !== "object") return false;
  if (e.code === "P2034" || e.code === "40001" || e.code === "40P01") return true;
  const text = `${String(e.message ?? "")} ${JSON.stringify(e.cause ?? "")}`;
  return /SQLITE_BUSY|SQLITE_LOCKED|database is locked|could not serialize|deadlock detected/i.test(text);
}

/** Runs `work` in one transaction, again (up to TRANSACTION_TRIES in all) when it lost a race. */
export async function inRetriedTransaction<T>(work: (tx: Tx) => Promise<T>, options: { timeout?: number } = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db().$transaction(work, { timeout: options.timeout ?? 10_000, maxWait: 10_000 });
    } catch (error) {
      if (attempt >= TRANSACTION_TRIES || !isRetryable(error)) throw error;
    }
  }
}
