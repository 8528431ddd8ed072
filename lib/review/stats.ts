import { addDays, dayIn, daysBetween } from "@/lib/time-zone";

/** What statistics read of the review log. */
export interface LogEntry {
  id: string;
  kind: string;
  undoesId: string | null;
  reviewedAt: Date;
  rating: number | null;
  stateBefore: number;
  elapsedDays: number;
}

const REVIEW_STATE = 2;

/** The day ("2030-06-30") an instant falls on where the learner is (UTC until their zone is known). */
export function dayKey(date: Date, timeZone = "UTC"): string {
  return dayIn(date, timeZone);
}

/** Reviews that still count: an undo cancels the review it points at (the log itself is never changed). */
export function effectiveReviews<L extends LogEntry>(logs: readonly L[]): L[] {
  const undone = new Set(logs.filter((l) => l.kind === "undo" && l.undoesId).map((l) => l.undoesId));
  return logs.filter((l) => l.kind === "review" && !undone.has(l.id));
}

/** Reviews per day of the learner's zone for the `days` days ending today, oldest first (for the calendar heatmap). */
export function reviewsPerDay(reviews: readonly LogEntry[], now: Date, days: number, timeZone = "UTC"): { day: string; count: number }[] {
  const today = dayKey(now, timeZone);
  const counts = new Map<string, number>();
  for (const r of reviews) {
    const day = dayKey(r.reviewedAt, timeZone);
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return Array.from({ length: days }, (_, i) => {
    const day = addDays(today, i - (days - 1));
    return { day, count: counts.get(day) ?? 0 };
  });
}

/**
 * Cards falling due on each of the next `days` days of the learner's zone; overdue cards count
 * today. New cards are not forecast.
 */
export function dueForecast(cards: readonly { due: Date; state: number }[], now: Date, days: number, timeZone = "UTC"): { day: string; count: number }[] {
  const today = dayKey(now, timeZone);
  const counts = new Array<number>(days).fill(0);
  for (const c of cards) {
    if (c.state === 0) continue;
    const index = Math.max(0, daysBetween(today, dayKey(c.due, timeZone)));
    if (index < days) counts[index]++;
  }
  return counts.map((count, i) => ({ day: addDays(today, i), count }));
}

export const INTERVAL_BUCKETS = [
  { label: "up to 1 day", max: 1 },
  { label: "2–3 days", max: 3 },
  { label: "4–7 days", max: 7 },
  { label: "8–14 days", max: 14 },
  { label: "15–30 days", max: 30 },
  { label: "over 30 days", max: Infinity },
] as const;

export interface RetentionRow {
  label: string;
  reviews: number;
  passed: number;
  /** Share passed, or null with no reviews. */
  retention: number | null;
}

/**
 * True retention as Anki reports it: of the reviews of cards already in the Review state (not new
 * or still in learning steps), the share not rated Again, by the interval since the last review.
 */
export function retentionByInterval(reviews: readonly LogEntry[]): { rows: RetentionRow[]; overall: RetentionRow } {
  const rows: RetentionRow[] = INTERVAL_BUCKETS.map((b) => ({ label: b.label, reviews: 0, passed: 0, retention: null }));
  const overall: RetentionRow = { label: "all intervals", reviews: 0, passed: 0, retention: null };
  for (const r of reviews) {
    if (r.stateBefore !== REVIEW_STATE || r.rating === null) continue;
    const row = rows[INTERVAL_BUCKETS.findIndex((b) => Math.round(r.elapsedDays) <= b.max)];
    for (const target of [row, overall]) {
      target.reviews++;
      if (r.rating > 1) target.passed++;
    }
  }
  for (const target of [...rows, overall]) target.retention = target.reviews ? target.passed / target.reviews : null;
  return { rows, overall };
}
