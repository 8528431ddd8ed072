import { startOfDayIn } from "@/lib/time-zone";

/** Which card comes next, and how many are waiting. Pure: the clock is an argument. */

export interface QueuedCard {
  id: string;
  state: number;
  due: Date;
  origin: string;
  createdAt: Date;
  position: number;
  factId: string;
}

const NEW = 0;

/**
 * Midnight of the day `now` falls in, where the learner is: the daily new-card limit resets then
 * (decisions/0010, 0040). UTC for a learner whose zone is not known yet.
 */
export function dayStart(now: Date, timeZone = "UTC"): Date {
  return startOfDayIn(now, timeZone);
}

export interface QueueSummary {
  /** Cards already learnt or in learning whose time has come. */
  due: number;
  /** New cards that may still be introduced today. */
  newToday: number;
  /** The next card to show, or null when nothing is waiting now. */
  next: QueuedCard | null;
  /** When the earliest card not yet due falls due (learning steps are minutes away). */
  nextDueAt: Date | null;
}

/**
 * Due cards first, oldest due first; then new cards while today's allowance lasts, those from wrong
 * quiz answers before those from studied lessons, each in the order they were added and, within
 * one lesson added at once, in reading order.
 */
export function summarizeQueue(cards: readonly QueuedCard[], now: Date, newAllowance: number): QueueSummary {
  const learnt = cards.filter((c) => c.state !== NEW);
  const due = learnt.filter((c) => c.due <= now).sort((a, b) => a.due.getTime() - b.due.getTime() || a.id.localeCompare(b.id));
  const fresh = cards
    .filter((c) => c.state === NEW)
    .sort((a, b) => Number(b.origin === "wrong-answer") - Number(a.origin === "wrong-answer") || a.createdAt.getTime() - b.createdAt.getTime() || a.position - b.position || a.factId.localeCompare(b.factId));
  const newToday = Math.max(0, Math.min(fresh.length, newAllowance));
  const later = learnt.filter((c) => c.due > now).map((c) => c.due.getTime());
  return {
    due: due.length,
    newToday,
    next: due[0] ?? (newToday > 0 ? fresh[0] : null),
    nextDueAt: later.length ? new Date(Math.min(...later)) : null,
  };
}
