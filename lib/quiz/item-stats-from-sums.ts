import { THRESHOLDS, type ItemFlag, type ItemStats } from "@/lib/quiz/item-stats";

/**
 * The statistics of `itemStatistics` (lib/quiz/item-stats.ts, the reference), rebuilt from a few
 * sums per question (gathered by item-stats-fast.ts). Same definitions: each student's latest
 * answer counts; "rest" is the student's share correct on their other questions; "scored" students
 * are those who answered at least one other question.
 */
export interface ItemSums {
  questionId: string;
  /** Latest answers to the question, and how many of them were correct. */
  answers: number;
  correct: number;
  /** Scored students, how many of them got it right, and sums over their rest scores. */
  scored: number;
  scoredCorrect: number;
  sumRest: number;
  /** Σ rest over the scored students who got it right. */
  sumRestCorrect: number;
  /** Σ (rest − mean rest)², taken around the mean (two passes, no cancellation). */
  sumSquaredDeviations: number;
  /** True when every scored student has the same rest score: the spread is exactly zero. */
  restConstant: boolean;
  /** Correct answers among the top and bottom 27% of scored students (ranked by rest score). */
  topCorrect: number;
  bottomCorrect: number;
  /** The size of each 27% group. */
  groupSize: number;
}

/** Latest answers to an option question grouped by the option chosen (null: not an option answer). */
export interface OptionCount {
  questionId: string;
  optionId: string | null;
  answers: number;
  correct: number;
}

export function itemStatisticsFromSums(sums: ItemSums[], optionCounts: OptionCount[], optionIds: Map<string, string[]> = new Map()): ItemStats[] {
  const countsByQuestion = new Map<string, OptionCount[]>();
  for (const c of optionCounts) countsByQuestion.set(c.questionId, [...(countsByQuestion.get(c.questionId) ?? []), c]);

  return sums.map((s) => {
    const facility = s.correct / s.answers;

    let discrimination: number | null = null;
    let pointBiserial: number | null = null;
    if (s.scored >= THRESHOLDS.minStudents) {
      discrimination = s.topCorrect / s.groupSize - s.bottomCorrect / s.groupSize;
      const p = s.scoredCorrect / s.scored;
      const sd = s.restConstant ? 0 : Math.sqrt(s.sumSquaredDeviations / s.scored);
      if (p > 0 && p < 1 && sd > 0) {
        const m1 = s.sumRestCorrect / s.scoredCorrect;
        const m0 = (s.sumRest - s.sumRestCorrect) / (s.scored - s.scoredCorrect);
        pointBiserial = ((m1 - m0) / sd) * Math.sqrt(p * (1 - p));
      }
    }

    const optionShares: Record<string, number> = {};
    const options = optionIds.get(s.questionId);
    const counts = countsByQuestion.get(s.questionId) ?? [];
    if (options) {
      for (const id of options) optionShares[id] = counts.filter((c) => c.optionId === id).reduce((n, c) => n + c.answers, 0) / s.answers;
    }

    const flags: ItemFlag[] = [];
    if (facility > THRESHOLDS.tooEasy) flags.push("too-easy");
    if (facility < THRESHOLDS.tooHard) flags.push("too-hard");
    if (discrimination !== null && discrimination < THRESHOLDS.poorDiscrimination) flags.push("poor-discrimination");
    if (options && s.answers >= THRESHOLDS.minStudents) {
      const chosenKey = new Set(counts.filter((c) => c.correct > 0).map((c) => c.optionId));
      if (options.some((id) => !chosenKey.has(id) && optionShares[id] < THRESHOLDS.nonFunctionalDistractor)) flags.push("non-functional-distractor");
    }
    return { questionId: s.questionId, answers: s.answers, facility, discrimination, pointBiserial, optionShares, flags };
  });
}
