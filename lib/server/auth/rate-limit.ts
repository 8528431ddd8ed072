import "server-only";

/**
 * Slows down repeated failed sign-ins, per account and per client address. After FREE_FAILURES
 * failures inside WINDOW_MS, each further attempt must wait twice as long as the last (1 s, 2 s,
 * 4 s … capped at MAX_DELAY_MS). In-memory: right for one server process; with several, the same
 * counters belong in a shared store (docs/decisions/0005).
 */
const FREE_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;
const MAX_DELAY_MS = 15 * 60_000;

interface Entry {
  failures: number;
  first: number;
  blockedUntil: number;
}

const entries = new Map<string, Entry>();

function current(key: string, now: number): Entry | undefined {
  const entry = entries.get(key);
  if (entry && now - entry.first > WINDOW_MS && now >= entry.blockedUntil) {
    entries.delete(key);
    return undefined;
  }
  return entry;
}

/** Milliseconds the caller must still wait before trying any of these keys again (0: go ahead). */
export function retryAfterMs(keys: string[], now = Date.now()): number {
  return Math.max(0, ...keys.map((k) => (current(k, now)?.blockedUntil ?? 0) - now));
}

export function recordFailure(keys: string[], now = Date.now()): void {
  for (const key of keys) {
    const entry = current(key, now) ?? { failures: 0, first: now, blockedUntil: 0 };
    entry.failures += 1;
    if (entry.failures >= FREE_FAILURES) {
      const delay = Math.min(MAX_DELAY_MS, 1000 * 2 ** (entry.failures - FREE_FAILURES));
      entry.blockedUntil = now + delay;
    }
    entries.set(key, entry);
  }
  if (entries.size > 50_000) pruneExpired(now);
}

export function recordSuccess(keys: string[]): void {
  for (const key of keys) entries.delete(key);
}

function pruneExpired(now: number) {
  for (const key of entries.keys()) current(key, now);
}

export function resetRateLimits(): void {
  entries.clear();
}
