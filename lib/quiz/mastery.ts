/**
 * Mastery levels in the spirit of Khan Academy, from the student's own results:
 *
 * Lesson (from its finished lesson quizzes, newest last):
 *   not started  no answer to any of the lesson's questions
 *   attempted    answered something, but the latest quiz scored under 70%
 *   familiar     latest quiz 70% or more
 *   proficient   latest quiz 90% or more
 *   mastered     the latest two quizzes both 90% or more
 *
 * Sector (from the latest 10 answers to questions on the sector, across all documents):
 *   attempted under 70% correct · familiar 70% · proficient 90% with at least 5 answers ·
 *   mastered 90% with at least 10 answers.
 *
 * Evidence (decisions/0106, 0108): every level that rates the student's knowledge (familiar,
 * proficient, mastered), of a lesson and of a sector alike, needs at least 10 distinct questions of
 * the lesson or sector answered (every question, when it has fewer). Below that the level is
 * "attempted": one right answer, or a few short quizzes that ask the same questions again, say
 * nothing about a sector or a lesson.
 */
export const MASTERY_LEVELS = ["not-started", "attempted", "familiar", "proficient", "mastered"] as const;
export type MasteryLevel = (typeof MASTERY_LEVELS)[number];

export const MASTERY_LABEL: Record<MasteryLevel, string> = {
  "not-started": "Not started",
  attempted: "Attempted",
  familiar: "Familiar",
  proficient: "Proficient",
  mastered: "Mastered",
};

export const MIN_DISTINCT_QUESTIONS = 10;

/** How much of a lesson or sector the student has been asked. */
export interface MasteryEvidence {
  /** Distinct questions of the scope the student has answered (in any quiz). */
  distinctAnswered: number;
  /** Active questions the scope has. */
  available: number;
}

/** Whether the student has answered enough distinct questions for the top levels. */
export function enoughEvidence({ distinctAnswered, available }: MasteryEvidence): boolean {
  return distinctAnswered >= Math.max(1, Math.min(MIN_DISTINCT_QUESTIONS, available));
}

const capped = (level: MasteryLevel, evidence: MasteryEvidence): MasteryLevel =>
  (level === "familiar" || level === "proficient" || level === "mastered") && !enoughEvidence(evidence) ? "attempted" : level;

export function lessonMastery(finishedScores: number[], evidence: MasteryEvidence): MasteryLevel {
  if (finishedScores.length === 0) return evidence.distinctAnswered > 0 ? "attempted" : "not-started";
  const [previous, latest] = [finishedScores.at(-2), finishedScores.at(-1)!];
  if (latest >= 0.9 && previous !== undefined && previous >= 0.9) return capped("mastered", evidence);
  if (latest >= 0.9) return capped("proficient", evidence);
  if (latest >= 0.7) return capped("familiar", evidence);
  return "attempted";
}

/** `answers` oldest first; only the latest 10 count for the share, every one for the distinct questions. */
export function sectorMastery(answers: { questionId: string; correct: boolean }[], available: number): MasteryLevel {
  if (answers.length === 0) return "not-started";
  const recent = answers.slice(-10);
  const share = recent.filter((a) => a.correct).length / recent.length;
  const evidence = { distinctAnswered: new Set(answers.map((a) => a.questionId)).size, available };
  if (share >= 0.9 && recent.length >= 10) return capped("mastered", evidence);
  if (share >= 0.9 && recent.length >= 5) return capped("proficient", evidence);
  if (share >= 0.7) return capped("familiar", evidence);
  return "attempted";
}
