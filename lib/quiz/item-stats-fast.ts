import { THRESHOLDS, automaticFlags, type ItemStats } from "@/lib/quiz/item-stats";

/**
 * One student's latest answer to each question they answered (each question once), as parallel
 * lists: position i is one answer. Plain arrays rather than a Map or an object per answer: the
 * statistics of all students read ~100,000 of them, and allocation is most of the cost.
 */
export interface StudentLatestAnswers {
  studentId: string;
  questionIds: string[];
  correct: boolean[];
  optionIds: (string | null)[];
}

/** One answer as a question's statistics see it; `rest` is null when the student answered nothing else. */
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
    const answered = student.questionIds.length;
    let points = 0;
    for (const c of student.correct) if (c) points++;
    for (let i = 0; i < answered; i++) {
      const correct = student.correct[i];
      const rest = answered > 1 ? (points - (correct ? 1 : 0)) / (answered - 1) : null;
      let list = perQuestion.get(student.questionIds[i]);
      if (!list) perQuestion.set(student.questionIds[i], (list = []));
      list.push({ rank, correct, optionId: student.optionIds[i], rest });
    }
  });
  return [...perQuestion.entries()].map(([questionId, list]) => statsOf(questionId, list, optionIds.get(questionId)));
}

function statsOf(questionId: string, list: Entry[], options: string[] | undefined): ItemStats {
  // One pass for the counts and sums; list order is rank order (students were visited in order).
  const answers = list.length;
  let correctCount = 0;
  const chosen = new Map<string | null, number>();
  const keyChosen = new Set<string | null>();
  const scored: (Entry & { rest: number })[] = [];
  let sumRest = 0;
  let sumRestCorrect = 0;
  let scoredCorrect = 0;
  for (const e of list) {
    if (e.correct) {
      correctCount++;
      keyChosen.add(e.optionId);
    }
    chosen.set(e.optionId, (chosen.get(e.optionId) ?? 0) + 1);
    if (e.rest === null) continue;
    scored.push(e as Entry & { rest: number });
    sumRest += e.rest;
    if (e.correct) {
      sumRestCorrect += e.rest;
      scoredCorrect++;
    }
  }
  const facility = correctCount / answers;

  let discrimination: number | null = null;
  let pointBiserial: number | null = null;
  if (scored.length >= THRESHOLDS.minStudents) {
    // Highest rest score first; equal scores keep the students' order (the reference sorts stably).
    const ranked = scored.sort((a, b) => b.rest - a.rest || a.rank - b.rank);
    const groupSize = Math.max(1, Math.round(scored.length * 0.27));
    let upper = 0;
    let lower = 0;
    for (let i = 0; i < groupSize; i++) {
      if (ranked[i].correct) upper++;
      if (ranked[ranked.length - 1 - i].correct) lower++;
    }
    discrimination = upper / groupSize - lower / groupSize;

    const mean = sumRest / scored.length;
    // Around the mean (two passes, no cancellation); exactly zero when every rest score is equal.
    let squares = 0;
    let constant = true;
    for (const e of scored) {
      squares += (e.rest - mean) ** 2;
      if (e.rest !== scored[0].rest) constant = false;
    }
    const sd = constant ? 0 : Math.sqrt(squares / scored.length);
    const p = scoredCorrect / scored.length;
    if (p > 0 && p < 1 && sd > 0) {
      const m1 = sumRestCorrect / scoredCorrect;
      const m0 = (sumRest - sumRestCorrect) / (scored.length - scoredCorrect);
      pointBiserial = ((m1 - m0) / sd) * Math.sqrt(p * (1 - p));
    }
  }

  const optionShares: Record<string, number> = {};
  if (options) for (const id of options) optionShares[id] = (chosen.get(id) ?? 0) / answers;

  const flags = automaticFlags({ answers, facility, discrimination, optionShares }, options, keyChosen);
  return { questionId, answers, facility, discrimination, pointBiserial, optionShares, flags };
}
