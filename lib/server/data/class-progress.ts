import "server-only";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { SessionUser } from "@/lib/server/data/users";
import { requireClassInstructor } from "@/lib/server/data/classes";
import { lessonMastery, type MasteryLevel } from "@/lib/quiz/mastery";
import { reviewActivityOf, type ReviewActivity } from "@/lib/server/data/review-stats";
import { active } from "@/lib/server/data/question-rows";

/** Below this best score, or with no activity for INACTIVE_DAYS, a student "needs help". */
export const NEEDS_HELP_SCORE = 0.6;
export const INACTIVE_DAYS = 7;

export type AssignmentStatus = "done" | "late" | "missing" | "open";

export interface OverviewCell {
  bestScore: number | null;
  attempts: number;
  lastActivity: Date | null;
  mastery: MasteryLevel;
  status: AssignmentStatus;
}

export interface ClassOverview {
  id: string;
  name: string;
  joinCode: string;
  assignments: { id: string; scope: string; scopeId: string; title: string; dueAt: Date | null; averageBest: number | null; completed: number }[];
  students: { id: string; name: string; email: string; lastActivity: Date | null; needsHelp: string[]; cells: OverviewCell[]; review: ReviewActivity }[];
}

/** The class table: students × assignments. Instructors of the class (and admins) only. */
export async function getClassOverview(viewer: SessionUser, classId: string, now = new Date()): Promise<ClassOverview> {
  const cls = await requireClassInstructor(viewer, classId);
  const [assignments, enrollments] = await Promise.all([
    db().assignment.findMany({ where: { classId }, orderBy: { createdAt: "asc" }, select: { id: true, scope: true, scopeId: true, dueAt: true } }),
    db().enrollment.findMany({ where: { classId }, orderBy: { user: { name: "asc" } }, select: { user: { select: { id: true, name: true, email: true } } } }),
  ]);
  const studentIds = enrollments.map((e) => e.user.id);
  const [attempts, lessons, sectors, available] = await Promise.all([
    db().attempt.findMany({
      where: { userId: { in: studentIds }, OR: assignments.map((a) => ({ scope: a.scope, scopeId: a.scopeId })) },
      orderBy: { startedAt: "asc" },
      select: { userId: true, scope: true, scopeId: true, startedAt: true, finishedAt: true, score: true, responses: { select: { questionId: true } } },
    }),
    db().lesson.findMany({ where: { slug: { in: assignments.filter((a) => a.scope === "lesson").map((a) => a.scopeId) } }, select: { slug: true, title: true } }),
    db().sector.findMany({ where: { id: { in: assignments.filter((a) => a.scope === "sector").map((a) => a.scopeId) } }, select: { id: true, nameEn: true } }),
    // Each assignment's active questions: mastery needs enough distinct ones answered (decisions/0106).
    Promise.all(assignments.map((a) => db().question.count({ where: a.scope === "lesson" ? { ...active, lessonSlug: a.scopeId } : { ...active, sectors: { some: { sectorId: a.scopeId } } } }))),
  ]);
  // Activity = starting or finishing any quiz (an index on Attempt(userId, …) serves this), or reviewing.
  const [activity, reviews] = await Promise.all([
    db().attempt.groupBy({ by: ["userId"], where: { userId: { in: studentIds } }, _max: { startedAt: true, finishedAt: true } }),
    reviewActivityOf(studentIds, now),
  ]);
  const lastActivityOf = new Map(
    studentIds.map((id) => {
      const a = activity.find((x) => x.userId === id);
      const times = [a?._max.startedAt, a?._max.finishedAt, reviews.get(id)?.lastReviewAt].filter((d): d is Date => !!d);
      return [id, times.length ? new Date(Math.max(...times.map((d) => d.getTime()))) : null];
    }),
  );
  const title = (scope: string, id: string) => (scope === "lesson" ? lessons.find((l) => l.slug === id)?.title : sectors.find((s) => s.id === id)?.nameEn) ?? id;

  const students = enrollments.map(({ user }) => {
    const cells = assignments.map((a, i): OverviewCell => {
      const mine = attempts.filter((t) => t.userId === user.id && t.scope === a.scope && t.scopeId === a.scopeId);
      const finished = mine.filter((t) => t.finishedAt && t.score !== null);
      const scores = finished.map((t) => t.score!);
      const firstDone = finished[0]?.finishedAt ?? null;
      const status: AssignmentStatus = firstDone ? (a.dueAt && firstDone > a.dueAt ? "late" : "done") : a.dueAt && now > a.dueAt ? "missing" : "open";
      const activity = mine.map((t) => t.finishedAt ?? t.startedAt).sort((x, y) => y.getTime() - x.getTime())[0] ?? null;
      return { bestScore: scores.length ? Math.max(...scores) : null, attempts: finished.length, lastActivity: activity, mastery: lessonMastery(scores, { distinctAnswered: new Set(mine.flatMap((t) => t.responses.map((r) => r.questionId))).size, available: available[i] }), status };
    });
    const lastActivity = lastActivityOf.get(user.id) ?? null;
    const needsHelp: string[] = [];
    if (cells.some((c) => c.bestScore !== null && c.bestScore < NEEDS_HELP_SCORE)) needsHelp.push(`a best score under ${NEEDS_HELP_SCORE * 100}%`);
    if (cells.some((c) => c.status === "missing")) needsHelp.push("missing work");
    if (!lastActivity || now.getTime() - lastActivity.getTime() > INACTIVE_DAYS * 86_400_000) needsHelp.push(`inactive for ${INACTIVE_DAYS}+ days`);
    return { ...user, lastActivity, needsHelp, cells, review: reviews.get(user.id)! };
  });

  return {
    ...cls,
    assignments: assignments.map((a, i) => {
      const bests = students.map((s) => s.cells[i].bestScore).filter((b): b is number => b !== null);
      return { ...a, title: title(a.scope, a.scopeId), averageBest: bests.length ? bests.reduce((x, y) => x + y, 0) / bests.length : null, completed: bests.length };
    }),
    students,
  };
}

/** Every attempt and answer of one student in the class, wrong answers with their source sentence. */
export async function getStudentDrilldown(viewer: SessionUser, classId: string, studentId: string) {
  await requireClassInstructor(viewer, classId);
  const enrolled = await db().enrollment.findUnique({ where: { classId_userId: { classId, userId: studentId } }, select: { user: { select: { id: true, name: true, email: true } } } });
  if (!enrolled) throw new AppError("NOT_FOUND", "This student is not in the class.");
  const attempts = await db().attempt.findMany({
    where: { userId: studentId },
    orderBy: { startedAt: "desc" },
    select: {
      id: true, scope: true, scopeId: true, startedAt: true, finishedAt: true, score: true, totalCount: true,
      responses: { orderBy: { createdAt: "asc" }, select: { questionId: true, correct: true, answer: true, readAs: true, timeTakenMs: true, question: { select: { lessonSlug: true, payload: true } } } },
    },
  });
  return {
    student: enrolled.user,
    attempts: attempts.map((a) => ({
      ...a,
      responses: a.responses.map((r) => {
        const q = JSON.parse(r.question.payload) as { stem: string; answerText: string; source: { sentenceId: string; quote: string }; language: string };
        return { questionId: r.questionId, correct: r.correct, readAs: r.readAs, timeTakenMs: r.timeTakenMs, answer: r.answer, stem: q.stem, answerText: q.answerText, language: q.language, lessonSlug: r.question.lessonSlug, source: q.source };
      }),
    })),
  };
}
