import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type Grade } from "ts-fsrs";

/**
 * The scheduling state of one memory card, as stored (ts-fsrs's Card without its deprecated
 * `elapsed_days`, in the names the database uses). Pure: every function takes the clock as an argument.
 */
export interface CardState {
  due: Date;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  /** 0 New, 1 Learning, 2 Review, 3 Relearning. */
  state: number;
  lastReview: Date | null;
}

export const RATING = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy } as const;
export type RatingName = keyof typeof RATING;
export const RATING_NAMES: Record<number, RatingName> = { 1: "again", 2: "hard", 3: "good", 4: "easy" };

export const DEFAULT_RETENTION = 0.9;
export const STATE_NAMES = ["new", "learning", "review", "relearning"] as const;

export interface SchedulerOptions {
  desiredRetention: number;
  /** Spreads long intervals by a few days so cards learnt together do not fall due together. Off in tests. */
  fuzz: boolean;
  /** The learner's fitted FSRS-6 parameters (21 numbers); ts-fsrs's defaults when absent (decisions/0036). */
  parameters?: readonly number[] | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function newCardState(now: Date): CardState {
  return fromFsrs(createEmptyCard(now));
}

/** A correct answer rates Good and a wrong one Again; after a correct one the learner may say Hard or Easy. */
export function ratingFor(correct: boolean): Grade {
  return correct ? Rating.Good : Rating.Again;
}

export function ratingsAllowed(correct: boolean): Grade[] {
  return correct ? [Rating.Hard, Rating.Good, Rating.Easy] : [Rating.Again];
}

/** Days between the card's last review and now (0 for a card never reviewed). */
export function elapsedDays(card: CardState, now: Date): number {
  return card.lastReview ? Math.max(0, (now.getTime() - card.lastReview.getTime()) / DAY_MS) : 0;
}

/** The card after one review with the given rating. */
export function reviewCard(card: CardState, rating: Grade, now: Date, options: SchedulerOptions): CardState {
  const scheduler = fsrs(generatorParameters({ request_retention: options.desiredRetention, enable_fuzz: options.fuzz, ...(options.parameters ? { w: [...options.parameters] } : {}) }));
  return fromFsrs(scheduler.next(toFsrs(card, now), now, rating).card);
}

function toFsrs(card: CardState, now: Date): Card {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: Math.floor(elapsedDays(card, now)),
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    last_review: card.lastReview ?? undefined,
  };
}

function fromFsrs(card: Card): CardState {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ?? null,
  };
}

/** The snapshot kept in the review log (what an undo restores), and its inverse. */
export function serializeCard(card: CardState): string {
  return JSON.stringify({ ...card, due: card.due.toISOString(), lastReview: card.lastReview?.toISOString() ?? null });
}

export function parseCard(json: string): CardState {
  const raw = JSON.parse(json) as Omit<CardState, "due" | "lastReview"> & { due: string; lastReview: string | null };
  return { ...raw, due: new Date(raw.due), lastReview: raw.lastReview ? new Date(raw.lastReview) : null };
}
