import { THRESHOLDS, type ItemFlag, type ItemStats } from "@/lib/quiz/item-stats";

/** One student's latest answer to each question, students listed in the order they first answered. */
export interface StudentLatestAnswers {
  studentId: string;
  latest: Map<string, { correct: boolean; optionId: string | null }>;
}

type Entry = { rank: number; correct: boolean; optionId: string | null; rest: number | null };

/**
 * `itemStatistics` (lib/quiz/item-stats.ts, the reference) in linear time: the same figures from
 * each student's latest answers, without rescanning a student's answers for every item. Same
 * definitions: "rest" is the student's share correct on their other questions; "scored" students
 * answered at least one other question. Students must come in the order of their first answer:
 * the reference keeps that order among students tied on their rest score when it cuts the 27% groups.
 */
export function itemStatisticsFromLatest(students: StudentLatestAnswers[], optionIds: Map<string, string[]> = new Map()): ItemStats[] {
  const perQuestion = new Map<string, Entry[]>();
  students.forEach((student, rank) => {
    const answered = student.latest.size;
    let points = 0;
    for (const a of student.latest.values()) if (a.correct) points++;
    for (const [questionId, a] of student.latest) {
      const rest = answered > 1 ? (points - (a.correct ? 1 : 0)) / (answered - 1) : null;
      let list = perQuestion.get(questionId);
      if (!list) perQuestion.set(questionId, (list = []));
      list.push({ rank, correct: a.correct, optionId: a.optionId, rest });
    }
  });
  return [...perQuestion.entries()].map(([questionId, list]) => statsOf(questionId, list, optionIds.get(questionId)));
}

function statsOf(questionId: string, list: Entry[], options: string[] | undefined): ItemStats {
  const answers = list.length;
  const facility = list.filter((e) => e.correct).length / answers;

  let discrimination: number | null = null;
  let pointBiserial: number | null = null;
  const scored = list.filter((e): e is Entry & { rest: number } => e.rest !== null);
  if (scored.length >= THRESHOLDS.minStudents) {
    // Highest rest score first; equal scores keep the students' order (the reference sorts stably).
    const ranked = [...scored].sort((a, b) => b.rest - a.rest || a.rank - b.rank);
    const groupSize = Math.max(1, Math.round(scored.length * 0.27));
    const correctIn = (group: typeof ranked) => group.filter((e) => e.correct).length;
    discrimination = correctIn(ranked.slice(0, groupSize)) / groupSize - correctIn(ranked.slice(-groupSize)) / groupSize;

    const scoredCorrect = correctIn(scored);
    const sumRest = scored.reduce((s, e) => s + e.rest, 0);
    const sumRestCorrect = scored.reduce((s, e) => s + (e.correct ? e.rest : 0), 0);
    const mean = sumRest / scored.length;
    // Around the mean (two passes, no cancellation); exactly zero when every rest score is equal.
    const constant = scored.every((e) => e.rest === scored[0].rest);
    const sd = constant ? 0 : Math.sqrt(scored.reduce((s, e) => s + (e.rest - mean) ** 2, 0) / scored.length);
    const p = scoredCorrect / scored.length;
    if (p > 0 && p < 1 && sd > 0) {
      const m1 = sumRestCorrect / scoredCorrect;
      const m0 = (sumRest - sumRestCorrect) / (scored.length - scoredCorrect);
      pointBiserial = ((m1 - m0) / sd) * Math.sqrt(p * (1 - p));
    }
  }

  const optionShares: Record<string, number> = {};
  if (options) for (const id of options) optionShares[id] = list.filter((e) => e.optionId === id).length / answers;

  const flags: ItemFlag[] = [];
  if (facility > THRESHOLDS.tooEasy) flags.push("too-easy");
  if (facility < THRESHOLDS.tooHard) flags.push("too-hard");
  if (discrimination !== null && discrimination < THRESHOLDS.poorDiscrimination) flags.push("poor-discrimination");
  if (options && answers >= THRESHOLDS.minStudents) {
    const keyChosen = new Set(list.filter((e) => e.correct).map((e) => e.optionId));
    if (options.some((id) => !keyChosen.has(id) && optionShares[id] < THRESHOLDS.nonFunctionalDistractor)) flags.push("non-functional-distractor");
  }
  return { questionId, answers, facility, discrimination, pointBiserial, optionShares, flags };
}
