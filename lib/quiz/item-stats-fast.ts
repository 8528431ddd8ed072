import type { ItemStats } from "@/lib/quiz/item-stats";
import { itemStatisticsFromSums, type ItemSums, type OptionCount } from "@/lib/quiz/item-stats-from-sums";

/** One student's latest answer to each question, students listed in the order they first answered. */
export interface StudentLatestAnswers {
  studentId: string;
  latest: Map<string, { correct: boolean; optionId: string | null }>;
}

/**
 * `itemStatistics` (lib/quiz/item-stats.ts, the reference) in linear time: the same figures from
 * each student's latest answers, without rescanning a student's answers for every item. Students
 * must come in the order of their first answer: the reference keeps that order among students
 * tied on their rest score when it cuts the 27% groups.
 */
export function itemStatisticsFromLatest(students: StudentLatestAnswers[], optionIds: Map<string, string[]> = new Map()): ItemStats[] {
  type Entry = { rank: number; correct: boolean; rest: number | null };
  const perQuestion = new Map<string, Entry[]>();
  const options = new Map<string, Map<string | null, OptionCount>>();
  students.forEach((student, rank) => {
    const answered = student.latest.size;
    let points = 0;
    for (const a of student.latest.values()) if (a.correct) points++;
    for (const [questionId, a] of student.latest) {
      const rest = answered > 1 ? (points - (a.correct ? 1 : 0)) / (answered - 1) : null;
      let list = perQuestion.get(questionId);
      if (!list) perQuestion.set(questionId, (list = []));
      list.push({ rank, correct: a.correct, rest });
      let counts = options.get(questionId);
      if (!counts) options.set(questionId, (counts = new Map()));
      const c = counts.get(a.optionId) ?? { questionId, optionId: a.optionId, answers: 0, correct: 0 };
      c.answers++;
      if (a.correct) c.correct++;
      counts.set(a.optionId, c);
    }
  });

  const sums: ItemSums[] = [...perQuestion.entries()].map(([questionId, list]) => {
    const scored = list.filter((e): e is Entry & { rest: number } => e.rest !== null);
    const sumRest = scored.reduce((s, e) => s + e.rest, 0);
    const mean = scored.length ? sumRest / scored.length : 0;
    // Highest rest score first; equal scores keep the students' order (the reference sorts stably).
    const ranked = [...scored].sort((a, b) => b.rest - a.rest || a.rank - b.rank);
    const groupSize = Math.max(1, Math.round(scored.length * 0.27));
    const correctIn = (group: typeof ranked) => group.filter((e) => e.correct).length;
    return {
      questionId,
      answers: list.length,
      correct: list.filter((e) => e.correct).length,
      scored: scored.length,
      scoredCorrect: correctIn(scored),
      sumRest,
      sumRestCorrect: scored.reduce((s, e) => s + (e.correct ? e.rest : 0), 0),
      sumSquaredDeviations: scored.reduce((s, e) => s + (e.rest - mean) ** 2, 0),
      restConstant: scored.every((e) => e.rest === scored[0].rest),
      topCorrect: correctIn(ranked.slice(0, groupSize)),
      bottomCorrect: correctIn(ranked.slice(-groupSize)),
      groupSize,
    };
  });
  return itemStatisticsFromSums(sums, [...options.values()].flatMap((m) => [...m.values()]), optionIds);
}
