import { fsrsBinding, type BindingItem } from "./fsrs-binding";
import { default_w, FSRS, generatorParameters, type FSRSState } from "ts-fsrs";

/**
 * Fitting FSRS parameters to a learner's review log with the FSRS optimizer (fsrs-rs, through
 * lib/review/fsrs-binding.ts), and measuring how well a parameter set predicts a log. Pure
 * apart from the optimizer's own threads: no database, no clock. decisions/0036.
 */

/** One review in force (undone reviews left out), as the optimizer needs it. */
export interface LoggedReview {
  cardId: string;
  reviewedAt: Date;
  /** 1 Again, 2 Hard, 3 Good, 4 Easy. */
  rating: number;
}

/** A card's reviews in time order, each with the whole days since the card's previous review (0 for the first). */
export interface CardHistory {
  cardId: string;
  reviews: { rating: number; deltaT: number; at: Date }[];
}

/**
 * Reviews needed before a learner's parameters are fitted. FSRS's guidance (the Anki manual and the
 * fsrs4anki wiki) is to optimize once a learner has several hundred reviews, a thousand or more being
 * better; below a few hundred the fitted set mostly follows the defaults anyway.
 */
export const FIT_THRESHOLD = 400;

/** A new fit once the log has grown by this factor since the last one. */
export const REFIT_GROWTH = 1.2;

export const DEFAULT_PARAMETERS: readonly number[] = default_w;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days are counted from midnight UTC, as the review queue counts them (decisions/0010). */
export function dayNumber(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS);
}

export function historiesOf(reviews: readonly LoggedReview[]): CardHistory[] {
  const byCard = new Map<string, LoggedReview[]>();
  for (const r of reviews) {
    const list = byCard.get(r.cardId);
    if (list) list.push(r);
    else byCard.set(r.cardId, [r]);
  }
  return [...byCard.entries()].map(([cardId, list]) => {
    list.sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
    return {
      cardId,
      reviews: list.map((r, i) => ({ rating: r.rating, at: r.reviewedAt, deltaT: i === 0 ? 0 : dayNumber(r.reviewedAt) - dayNumber(list[i - 1].reviewedAt) })),
    };
  });
}

/**
 * One prediction target per review after a card's first: the card's history up to that review, whose
 * outcome (remembered unless rated Again) is what the model predicts. `at` is when that review happened.
 * Only histories with at least one review on a later day than the one before it are targets: fsrs-rs
 * refuses others, and it refuses by a panic that aborts the whole Node process.
 */
export interface Target {
  history: CardHistory["reviews"];
  at: Date;
}

export function targetsOf(histories: readonly CardHistory[]): Target[] {
  const targets: Target[] = [];
  for (const h of histories) for (let i = 1; i < h.reviews.length; i++) if (h.reviews.slice(1, i + 1).some((r) => r.deltaT > 0)) targets.push({ history: h.reviews.slice(0, i + 1), at: h.reviews[i].at });
  return targets.sort((a, b) => a.at.getTime() - b.at.getTime());
}

function toItem(t: Target): BindingItem {
  const { FSRSBindingItem, FSRSBindingReview } = fsrsBinding();
  return new FSRSBindingItem(t.history.map((r) => new FSRSBindingReview(r.rating, r.deltaT)));
}

/** Same-day reviews (the learning steps) are kept: the optimizer fits FSRS-6's short-term terms to them. */
export async function fitParameters(targets: readonly Target[]): Promise<number[]> {
  const params = await fsrsBinding().computeParameters(targets.map(toItem), { enableShortTerm: true });
  return params.map((p) => Math.round(p * 1e4) / 1e4);
}

export interface Metrics {
  logLoss: number;
  /** The FSRS benchmark's RMSE (bins): predictions and outcomes binned, weighted by bin size. */
  rmseBins: number;
  count: number;
}

/**
 * How well a parameter set predicts the targets, measured by fsrs-rs's own evaluation. Like the FSRS
 * benchmark it scores the reviews on a later day than the card's previous one (fsrs-rs refuses to
 * score same-day reviews); `count` is how many it scored (NaN metrics when none).
 */
export function evaluate(parameters: readonly number[] | null, targets: readonly Target[]): Metrics {
  const scored = targets.filter((t) => t.history[t.history.length - 1].deltaT > 0);
  if (scored.length === 0) return { logLoss: NaN, rmseBins: NaN, count: 0 };
  const { FSRSBinding } = fsrsBinding();
  const model = parameters ? new FSRSBinding([...parameters]) : new FSRSBinding();
  const { logLoss, rmseBins } = model.evaluate(scored.map(toItem));
  return { logLoss, rmseBins, count: scored.length };
}

/**
 * The recall probability a parameter set predicts for a target's last review, replaying the card's
 * earlier reviews with ts-fsrs (the scheduler's own formulas). Used to compare a fitted set with the
 * parameters a simulated learner really has.
 */
export function predictedRecall(parameters: readonly number[], target: Target): number {
  const model = new FSRS(generatorParameters({ w: [...parameters] }));
  let state: FSRSState | null = null;
  const h = target.history;
  for (let i = 0; i < h.length - 1; i++) state = model.next_state(state, h[i].deltaT, h[i].rating);
  return model.forgetting_curve(h[h.length - 1].deltaT, state!.stability);
}
