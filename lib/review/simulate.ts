import { default_w, FSRS, generatorParameters, type FSRSState, type Grade } from "ts-fsrs";
import { newCardState, reviewCard, type CardState } from "./scheduler";
import { dayNumber } from "./fit";

/**
 * A seeded simulator of learners whose memory follows FSRS-6 with parameters we choose, reviewing
 * with this app's scheduler. It produces review logs with a known truth, for the fitting benchmark
 * (`npm run bench:fsrs`) and the fitting tests. decisions/0036.
 *
 * The model of a learner:
 * - Memory: each card's true stability and difficulty evolve by FSRS-6's formulas with the learner's
 *   own `parameters` (ts-fsrs's `next_state`, whole days between reviews as FSRS counts them).
 * - Recall: at a review the learner remembers with the probability FSRS-6's forgetting curve gives
 *   for the true stability and the real time elapsed (fractions of a day included).
 * - Ratings: as the app grades them: forgotten → Again; remembered → Good, except that after a right
 *   answer the learner switches to Hard (`hardShare`) or Easy (`easyShare`) now and then.
 * - Habits: one session a day at a random hour (skipping a day with probability `skipDay`), all due
 *   cards first then `newPerDay` new ones; the learning steps (1 and 10 minutes) are done within the
 *   session, ten seconds per answer.
 * - Scheduling: the app's own scheduler (lib/review/scheduler.ts) without fuzz, with
 *   `schedulerParameters` (the defaults unless given) at `desiredRetention`.
 */

/** Park–Miller "minimal standard" generator: small, seeded, the same on every platform. */
export function seededRandom(seed: number): () => number {
  let state = Math.max(1, Math.floor(Math.abs(seed)) % 2147483647);
  return () => (state = (state * 16807) % 2147483647) / 2147483647;
}

/**
 * A plausible learner: FSRS-6's default parameters with the ones that most shape a memory moved by
 * known factors: initial stabilities (w0–w3) scaled together, the growth of stability after a
 * recall (w8), the stability after a lapse (w11) and the forgetting curve's decay (w20).
 */
export function simulatedParameters(random: () => number): number[] {
  const w = [...default_w];
  const between = (lo: number, hi: number) => lo + (hi - lo) * random();
  const initial = Math.exp(between(Math.log(0.4), Math.log(2.5)));
  for (let i = 0; i < 4; i++) w[i] = Math.min(100, Math.max(0.01, w[i] * initial));
  w[8] = w[8] * between(0.75, 1.25);
  w[11] = w[11] * between(0.6, 1.5);
  w[20] = between(0.12, 0.6);
  return w.map((x) => Math.round(x * 1e4) / 1e4);
}

export interface SimulationOptions {
  seed: number;
  days: number;
  newPerDay: number;
  desiredRetention?: number;
  schedulerParameters?: readonly number[] | null;
  skipDay?: number;
  hardShare?: number;
  easyShare?: number;
}

/** One simulated review, with the card's scheduling state before and after (what the app logs). */
export interface SimulatedReview {
  cardId: string;
  reviewedAt: Date;
  rating: Grade;
  correct: boolean;
  before: CardState;
  after: CardState;
  /** The recall probability under the learner's true parameters (what a perfect model predicts). */
  trueRecall: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const ANSWER_MS = 10_000;
/** Learning steps due within this long of a session's end are still done in the session. */
const SESSION_TAIL_MS = 15 * 60 * 1000;

export function simulateLearner(parameters: readonly number[], options: SimulationOptions, start = new Date(Date.UTC(2025, 0, 1))): SimulatedReview[] {
  const random = seededRandom(options.seed);
  const truth = new FSRS(generatorParameters({ w: [...parameters] }));
  const scheduler = { desiredRetention: options.desiredRetention ?? 0.9, fuzz: false, parameters: options.schedulerParameters ?? null };
  const cards: { id: string; card: CardState; memory: FSRSState | null }[] = [];
  const log: SimulatedReview[] = [];
  let created = 0;

  const review = (entry: (typeof cards)[number], now: Date) => {
    const last = entry.card.lastReview;
    const trueRecall = entry.memory && last ? truth.forgetting_curve((now.getTime() - last.getTime()) / DAY_MS, entry.memory.stability) : 0;
    const correct = entry.memory ? random() < trueRecall : random() < 0.6;
    let rating: Grade = 1;
    if (correct) {
      const u = random();
      rating = u < (options.hardShare ?? 0.05) ? 2 : u > 1 - (options.easyShare ?? 0.05) ? 4 : 3;
    }
    const before = entry.card;
    const after = reviewCard(before, rating, now, scheduler);
    const t = last ? dayNumber(now) - dayNumber(last) : 0;
    entry.memory = truth.next_state(entry.memory, t, rating);
    entry.card = after;
    log.push({ cardId: entry.id, reviewedAt: now, rating, correct, before, after, trueRecall: entry.memory && last ? trueRecall : 0 });
  };

  for (let day = 0; day < options.days; day++) {
    if (random() < (options.skipDay ?? 0.1)) continue;
    let now = new Date(start.getTime() + day * DAY_MS + (8 + random() * 12) * 60 * 60 * 1000);
    for (let i = 0; i < options.newPerDay; i++) {
      const id = `sim-${options.seed}-${created++}`;
      cards.push({ id, card: newCardState(now), memory: null });
    }
    // Due cards (oldest due first), the day's new cards among them; learning steps come back within the session.
    for (;;) {
      const due = cards.filter((c) => c.card.due.getTime() <= now.getTime() + SESSION_TAIL_MS).sort((a, b) => a.card.due.getTime() - b.card.due.getTime());
      if (due.length === 0) break;
      const next = due[0];
      if (next.card.due.getTime() > now.getTime()) now = new Date(next.card.due.getTime());
      review(next, now);
      now = new Date(now.getTime() + ANSWER_MS);
    }
  }
  return log;
}
