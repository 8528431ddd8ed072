import { visibleLessonWhere } from "@/lib/server/data/visibility";
import "server-only";
import { readAsText } from "@/lib/quiz/read-as";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { SessionUser } from "@/lib/server/data/users";
import { requireClassInstructor } from "@/lib/server/data/classes";
import { lessonMastery, type MasteryLevel } from "@/lib/quiz/mastery";
import { reviewActivityOf, type ReviewActivity } from "@/lib/server/data/review-stats";
import { loadClassWork, scoredAttempt } from "@/lib/server/data/class-work";
import { inChunks } from "@/lib/server/data/in-chunks";
import { activeFor } from "@/lib/server/data/question-rows";
import { editorFor } from "@/lib/server/data/question-editor";
import { scopeTitles } from "@/lib/server/data/scope-titles";
import type { Locale } from "@/i18n/config";
import { storedAnswerAsSeen } from "@/lib/quiz/answer-text";
import type { QuizQuestion } from "@/lib/quiz/question";

/** Below this assignment score, or with no activity for INACTIVE_DAYS, a student "needs help". */
export const NEEDS_HELP_SCORE = 0.6;
export const INACTIVE_DAYS = 7;

export type AssignmentStatus = "done" | "late" | "missing" | "open";

export interface OverviewCell {
  /** The first finished class-work attempt's score (class-work.ts); retakes do not change it. */
  score: number | null;
  /** Finished class-work attempts. */
  attempts: number;
  lastActivity: Date | null;
  mastery: MasteryLevel;
  status: AssignmentStatus;
}

export interface ClassOverview {
  id: string;
  name: string;
  joinCode: string;
  /** The zone due days end in (decisions/0024). */
  timeZone: string;
  assignments: { id: string; scope: string; scopeId: string; title: string; dueAt: Date | null; averageScore: number | null; completed: number }[];
  students: { id: string; name: string; email: string; lastActivity: Date | null; needsHelp: string[]; cells: OverviewCell[]; review: ReviewActivity }[];
}

/** The class table: students × assignments, counting class work only. Instructors of the class (and admins) only. */
export async function getClassOverview(viewer: SessionUser, classId: string, now = new Date(), locale: Locale = "en"): Promise<ClassOverview> {
  const cls = await requireClassInstructor(viewer, classId);
  const work = await loadClassWork(classId);
  const { assignments } = work;
  const studentIds = work.students.map((s) => s.id);
  // The class's instructor sees the bank with their own edits and retirements (decisions/0019).
  const active = activeFor(await editorFor(viewer), visibleLessonWhere(viewer));
  const [title, available] = await Promise.all([
    scopeTitles(assignments, locale),
    // Each assignment's active questions: mastery needs enough distinct ones answered (decisions/0106).
    Promise.all(assignments.map((a) => db().question.count({ where: a.scope === "lesson" ? { ...active, lessonSlug: a.scopeId } : { ...active, sectors: { some: { sectorId: a.scopeId } } } }))),
  ]);
  // Activity = starting or finishing any quiz (an index on Attempt(userId, …) serves this), or reviewing.
  const [activity, reviews] = await Promise.all([
    inChunks(studentIds, (userIds) => db().attempt.groupBy({ by: ["userId"], where: { userId: { in: userIds } }, _max: { startedAt: true, finishedAt: true } })),
    reviewActivityOf(studentIds, now),
  ]);
  const lastActivityOf = new Map(
    studentIds.map((id) => {
      const a = activity.find((x) => x.userId === id);
      const times = [a?._max.startedAt, a?._max.finishedAt, reviews.get(id)?.lastReviewAt].filter((d): d is Date => !!d);
      return [id, times.length ? new Date(Math.max(...times.map((d) => d.getTime()))) : null];
    }),
  );

  const students = work.students.map(({ joinedAt: _joined, ...user }) => {
    const cells = assignments.map((a, i): OverviewCell => {
      const mine = work.workOf(a.id, user.id);
      const finished = mine.filter((t) => t.finishedAt && t.score !== null);
      const scored = scoredAttempt(mine);
      const firstDone = scored?.finishedAt ?? null;
      const status: AssignmentStatus = firstDone ? (a.dueAt && firstDone > a.dueAt ? "late" : "done") : a.dueAt && now > a.dueAt ? "missing" : "open";
      const activity = mine.map((t) => t.finishedAt ?? t.startedAt).sort((x, y) => y.getTime() - x.getTime())[0] ?? null;
      return { score: scored?.score ?? null, attempts: finished.length, lastActivity: activity, mastery: lessonMastery(finished.map((t) => t.score!), { distinctAnswered: new Set(mine.flatMap((t) => t.answered)).size, available: available[i] }), status };
    });
    const lastActivity = lastActivityOf.get(user.id) ?? null;
    const needsHelp: string[] = [];
    if (cells.some((c) => c.score !== null && c.score < NEEDS_HELP_SCORE)) needsHelp.push(`an assignment score under ${NEEDS_HELP_SCORE * 100}%`);
    if (cells.some((c) => c.status === "missing")) needsHelp.push("missing work");
    if (!lastActivity || now.getTime() - lastActivity.getTime() > INACTIVE_DAYS * 86_400_000) needsHelp.push(`inactive for ${INACTIVE_DAYS}+ days`);
    return { ...user, lastActivity, needsHelp, cells, review: reviews.get(user.id)! };
  });

  return {
    ...cls,
    assignments: assignments.map(({ createdAt: _created, ...a }, i) => {
      const scores = students.map((s) => s.cells[i].score).filter((b): b is number => b !== null);
      return { ...a, title: title(a.scope, a.scopeId), averageScore: scores.length ? scores.reduce((x, y) => x + y, 0) / scores.length : null, completed: scores.length };
    }),
    students,
  };
}

/** A student's class work (class-work.ts) and its answers, wrong answers with their source sentence. */
export async function getStudentDrilldown(viewer: SessionUser, classId: string, studentId: string, locale: Locale = "en") {
  const { timeZone } = await requireClassInstructor(viewer, classId);
  const enrolled = await db().enrollment.findUnique({ where: { classId_userId: { classId, userId: studentId } }, select: { user: { select: { id: true, name: true, email: true } } } });
  if (!enrolled) throw new AppError("NOT_FOUND", "This student is not in the class.");
  const classWork = (await loadClassWork(classId, studentId)).attemptIds(studentId);
  const attempts = await db().attempt.findMany({
    where: { userId: studentId, id: { in: classWork } },
    orderBy: { startedAt: "desc" },
    select: {
      id: true, scope: true, scopeId: true, startedAt: true, finishedAt: true, score: true, totalCount: true,
      responses: { orderBy: { createdAt: "asc" }, select: { questionId: true, correct: true, answer: true, readAs: true, timeTakenMs: true, question: { select: { lessonSlug: true, payload: true } } } },
    },
  });
  const title = await scopeTitles(attempts, locale);
  return {
    student: enrolled.user,
    /** The class's zone: the page shows times there. */
    timeZone,
    attempts: attempts.map((a) => ({
      ...a,
      title: title(a.scope, a.scopeId),
      responses: a.responses.map((r) => {
        const q = JSON.parse(r.question.payload) as Pick<QuizQuestion, "stem" | "answerText" | "source" | "language" | "options" | "pairs">;
        return { questionId: r.questionId, correct: r.correct, readAs: readAsText(r.readAs, q.language), timeTakenMs: r.timeTakenMs, answer: r.answer, answerAsSeen: storedAnswerAsSeen(q, r.answer), stem: q.stem, answerText: q.answerText, language: q.language, lessonSlug: r.question.lessonSlug, source: q.source };
      }),
    })),
  };
}
