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

export function lessonMastery(finishedScores: number[], answeredAny: boolean): MasteryLevel {
  if (finishedScores.length === 0) return answeredAny ? "attempted" : "not-started";
  const [previous, latest] = [finishedScores.at(-2), finishedScores.at(-1)!];
  if (latest >= 0.9 && previous !== undefined && previous >= 0.9) return "mastered";
  if (latest >= 0.9) return "proficient";
  if (latest >= 0.7) return "familiar";
  return "attempted";
}

/** `answers` oldest first; only the latest 10 count. */
export function sectorMastery(answers: boolean[]): MasteryLevel {
  if (answers.length === 0) return "not-started";
  const recent = answers.slice(-10);
  const share = recent.filter(Boolean).length / recent.length;
  if (share >= 0.9 && recent.length >= 10) return "mastered";
  if (share >= 0.9 && recent.length >= 5) return "proficient";
  if (share >= 0.7) return "familiar";
  return "attempted";
}
