import { dayStart } from "./queue";

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

const DAY_MS = 24 * 60 * 60 * 1000;
const REVIEW_STATE = 2;

export function dayKey(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Reviews that still count: an undo cancels the review it points at (the log itself is never changed). */
export function effectiveReviews<L extends LogEntry>(logs: readonly L[]): L[] {
  const undone = new Set(logs.filter((l) => l.kind === "undo" && l.undoesId).map((l) => l.undoesId));
  return logs.filter((l) => l.kind === "review" && !undone.has(l.id));
}

/** Reviews per UTC day for the `days` days ending today, oldest first (for the calendar heatmap). */
export function reviewsPerDay(reviews: readonly LogEntry[], now: Date, days: number): { day: string; count: number }[] {
  const today = dayStart(now).getTime();
  const counts = new Map<string, number>();
  for (const r of reviews) counts.set(dayKey(r.reviewedAt), (counts.get(dayKey(r.reviewedAt)) ?? 0) + 1);
  return Array.from({ length: days }, (_, i) => {
    const day = dayKey(new Date(today - (days - 1 - i) * DAY_MS));
    return { day, count: counts.get(day) ?? 0 };
  });
}

/** Cards falling due on each of the next `days` days; overdue cards count today. New cards are not forecast. */
export function dueForecast(cards: readonly { due: Date; state: number }[], now: Date, days: number): { day: string; count: number }[] {
  const today = dayStart(now).getTime();
  const counts = new Array<number>(days).fill(0);
  for (const c of cards) {
    if (c.state === 0) continue;
    const index = Math.max(0, Math.floor((c.due.getTime() - today) / DAY_MS));
    if (index < days) counts[index]++;
  }
  return counts.map((count, i) => ({ day: dayKey(new Date(today + i * DAY_MS)), count }));
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
