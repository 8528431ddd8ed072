import "server-only";
import { db } from "@/lib/server/db";
import type { SessionUser } from "@/lib/server/data/users";
import { requireClassInstructor } from "@/lib/server/data/classes";
import { getClassOverview } from "@/lib/server/data/class-progress";
import { getQuestionStatistics } from "@/lib/server/data/question-stats";
import { toCsv } from "@/lib/csv";
import { loadClassWork } from "@/lib/server/data/class-work";
import { inChunks } from "@/lib/server/data/in-chunks";
import { storedAnswerAsSeen } from "@/lib/quiz/answer-text";
import type { QuizQuestion } from "@/lib/quiz/question";

export type ExportKind = "table" | "questions" | "responses";

/** A CSV column's heading: its code name ("student_id"), or per assignment "score" etc. with the assignment's id. */
export type CsvHeading = (column: string, assignment?: string) => string;

/** The headings as they always were: the code names, `<assignment>_score` for an assignment's columns. */
export const CODE_HEADINGS: CsvHeading = (column, assignment) => (assignment === undefined ? column : `${assignment}_${column}`);

/** A class's data as CSV, with stable question ids and source sentence ids. Class instructors only. */
export async function exportClassCsv(viewer: SessionUser, classId: string, kind: ExportKind, heading: CsvHeading = CODE_HEADINGS): Promise<{ filename: string; csv: string }> {
  const cls = await requireClassInstructor(viewer, classId);
  const base = cls.name.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "") || "class";
  if (kind === "table") {
    const o = await getClassOverview(viewer, classId);
    const header = [...["student_id", "name", "email", "last_activity", "needs_help"].map((c) => heading(c)), ...o.assignments.flatMap((a) => ["score", "attempts", "status", "mastery"].map((c) => heading(c, a.scopeId)))];
    const rows = o.students.map((s) => [s.id, s.name, s.email, s.lastActivity, s.needsHelp.join("; "), ...s.cells.flatMap((c) => [c.score, c.attempts, c.status, c.mastery])]);
    return { filename: `${base}-table.csv`, csv: toCsv(header, rows) };
  }
  if (kind === "questions") {
    const { rows: stats } = await getQuestionStatistics(viewer, { classId });
    const header = ["question_id", "lesson", "type", "stem", "answers", "facility", "discrimination", "point_biserial", "flags", "student_flags", "option_shares"].map((c) => heading(c));
    const rows = stats.map((s) => [s.questionId, s.lessonSlug, s.type, s.stem, s.answers, s.facility.toFixed(3), s.discrimination?.toFixed(3), s.pointBiserial?.toFixed(3), s.flags.join("; "), s.studentFlags, JSON.stringify(s.optionShares)]);
    return { filename: `${base}-questions.csv`, csv: toCsv(header, rows) };
  }
  // Class work only (class-work.ts): no self-study, nothing from before joining or before the assignment.
  const attemptIds = (await loadClassWork(classId)).attemptIds();
  const responses = (
    await inChunks(attemptIds, (ids) =>
      db().response.findMany({
        where: { attemptId: { in: ids } },
        select: {
          id: true, attemptId: true, questionId: true, answer: true, parsedValue: true, correct: true, timeTakenMs: true, createdAt: true,
          attempt: { select: { userId: true, scope: true, scopeId: true, user: { select: { email: true } } } },
          question: { select: { lessonSlug: true, type: true, sourceSentenceId: true, payload: true } },
        },
      }),
    )
  ).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // The answer as the student saw it (option text, not its id); the stored JSON stays in answer_raw.
  const payloads = new Map<string, Pick<QuizQuestion, "language" | "options" | "pairs">>();
  const shown = (r: (typeof responses)[number]) => {
    if (!payloads.has(r.questionId)) payloads.set(r.questionId, JSON.parse(r.question.payload) as Pick<QuizQuestion, "language" | "options" | "pairs">);
    return storedAnswerAsSeen(payloads.get(r.questionId)!, r.answer);
  };
  const header = ["created_at", "student_id", "email", "attempt_id", "scope", "scope_id", "question_id", "lesson", "type", "source_sentence_id", "answer", "answer_raw", "parsed_value", "correct", "time_ms"].map((c) => heading(c));
  const rows = responses.map((r) => [r.createdAt, r.attempt.userId, r.attempt.user.email, r.attemptId, r.attempt.scope, r.attempt.scopeId, r.questionId, r.question.lessonSlug, r.question.type, r.question.sourceSentenceId, shown(r), r.answer, r.parsedValue, r.correct, r.timeTakenMs]);
  return { filename: `${base}-responses.csv`, csv: toCsv(header, rows) };
}
