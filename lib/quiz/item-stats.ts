/**
 * Classical item analysis, as Moodle's quiz statistics report does it.
 *
 * facility        share of answers that were correct
 * discrimination  facility in the top 27% of students minus facility in the bottom 27%, students
 *                 ranked by their share correct on all other questions (the item itself left out)
 * point-biserial  correlation between getting this item right and the student's share correct on
 *                 the other items
 * option shares   how often each option was chosen (multiple-choice types)
 */
export interface ItemResponse {
  studentId: string;
  questionId: string;
  correct: boolean;
  /** The option chosen, for option types. */
  optionId?: string | null;
}

export interface ItemStats {
  questionId: string;
  answers: number;
  facility: number;
  discrimination: number | null;
  pointBiserial: number | null;
  optionShares: Record<string, number>;
  flags: ItemFlag[];
}

export type ItemFlag = "too-easy" | "too-hard" | "poor-discrimination" | "non-functional-distractor";

/**
 * minStudents: discrimination needs this many students. minAnswersForFlags: no automatic flag
 * before this many answers, since one or two answers say nothing about a question and their flags
 * buried the students' own (decisions/0023).
 */
export const THRESHOLDS = { tooEasy: 0.95, tooHard: 0.2, poorDiscrimination: 0.2, nonFunctionalDistractor: 0.05, minStudents: 5, minAnswersForFlags: 5 };

/** The automatic flags of a question, none below THRESHOLDS.minAnswersForFlags answers. `keyChosen`: the options chosen in right answers. */
export function automaticFlags(s: { answers: number; facility: number; discrimination: number | null; optionShares: Record<string, number> }, options: string[] | undefined, keyChosen: Set<string | null | undefined>): ItemFlag[] {
  if (s.answers < THRESHOLDS.minAnswersForFlags) return [];
  const flags: ItemFlag[] = [];
  if (s.facility > THRESHOLDS.tooEasy) flags.push("too-easy");
  if (s.facility < THRESHOLDS.tooHard) flags.push("too-hard");
  if (s.discrimination !== null && s.discrimination < THRESHOLDS.poorDiscrimination) flags.push("poor-discrimination");
  if (options?.some((id) => !keyChosen.has(id) && s.optionShares[id] < THRESHOLDS.nonFunctionalDistractor)) flags.push("non-functional-distractor");
  return flags;
}

function mean(xs: number[]) {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Computes the statistics of every question that has answers. `optionIds` lists each option question's options. */
export function itemStatistics(responses: ItemResponse[], optionIds: Map<string, string[]> = new Map()): ItemStats[] {
  // Each student's latest answer per question is what counts (first attempts would also be defensible).
  const byStudent = new Map<string, Map<string, ItemResponse>>();
  for (const r of responses) {
    const mine = byStudent.get(r.studentId) ?? new Map<string, ItemResponse>();
    mine.set(r.questionId, r);
    byStudent.set(r.studentId, mine);
  }
  const byQuestion = new Map<string, ItemResponse[]>();
  for (const answers of byStudent.values()) for (const r of answers.values()) byQuestion.set(r.questionId, [...(byQuestion.get(r.questionId) ?? []), r]);

  const restScore = (studentId: string, questionId: string): number | null => {
    const others = [...byStudent.get(studentId)!.values()].filter((r) => r.questionId !== questionId);
    return others.length ? others.filter((r) => r.correct).length / others.length : null;
  };

  return [...byQuestion.entries()].map(([questionId, rs]) => {
    const facility = rs.filter((r) => r.correct).length / rs.length;
    const scored = rs.map((r) => ({ r, rest: restScore(r.studentId, questionId) })).filter((x): x is { r: ItemResponse; rest: number } => x.rest !== null);

    let discrimination: number | null = null;
    let pointBiserial: number | null = null;
    if (scored.length >= THRESHOLDS.minStudents) {
      const sorted = [...scored].sort((a, b) => b.rest - a.rest);
      const k = Math.max(1, Math.round(sorted.length * 0.27));
      const share = (group: typeof sorted) => group.filter((x) => x.r.correct).length / group.length;
      discrimination = share(sorted.slice(0, k)) - share(sorted.slice(-k));
      const ys = scored.map((x) => x.rest);
      const p = scored.filter((x) => x.r.correct).length / scored.length;
      const sd = Math.sqrt(mean(ys.map((y) => (y - mean(ys)) ** 2)));
      if (p > 0 && p < 1 && sd > 0) {
        const m1 = mean(scored.filter((x) => x.r.correct).map((x) => x.rest));
        const m0 = mean(scored.filter((x) => !x.r.correct).map((x) => x.rest));
        pointBiserial = ((m1 - m0) / sd) * Math.sqrt(p * (1 - p));
      }
    }

    const optionShares: Record<string, number> = {};
    const options = optionIds.get(questionId);
    if (options) {
      for (const id of options) optionShares[id] = rs.filter((r) => r.optionId === id).length / rs.length;
    }

    const flags = automaticFlags({ answers: rs.length, facility, discrimination, optionShares }, options, new Set(rs.filter((r) => r.correct).map((r) => r.optionId)));
    return { questionId, answers: rs.length, facility, discrimination, pointBiserial, optionShares, flags };
  });
}
