import "server-only";
import { db } from "@/lib/server/db";
import { inChunks } from "@/lib/server/data/in-chunks";

/**
 * Class work: what a class's views count for a student (issue 11, finding 9; decisions/0018).
 * An attempt is class work for an assignment when it is on the assignment's lesson or sector and
 * was started after the assignment was created AND after the student joined the class. Self-study
 * before joining, or before the work was set, is the student's own business and not the class's.
 * The assignment's score is the FIRST finished class-work attempt's (decisions/0017): retakes,
 * which show the keys of what they asked, cannot raise it.
 */
export interface WorkAssignment {
  id: string;
  scope: string;
  scopeId: string;
  createdAt: Date;
  dueAt: Date | null;
}

export interface WorkAttempt {
  id: string;
  userId: string;
  scope: string;
  scopeId: string;
  startedAt: Date;
  finishedAt: Date | null;
  score: number | null;
  /** The questions answered in it (mastery needs enough distinct ones; decisions/0106). */
  answered: string[];
}

export function isClassWork(attempt: Pick<WorkAttempt, "scope" | "scopeId" | "startedAt">, assignment: Pick<WorkAssignment, "scope" | "scopeId" | "createdAt">, joinedAt: Date): boolean {
  return attempt.scope === assignment.scope && attempt.scopeId === assignment.scopeId && attempt.startedAt >= assignment.createdAt && attempt.startedAt >= joinedAt;
}

/** The attempt an assignment's score comes from: the first class-work attempt to be finished. */
export function scoredAttempt<A extends Pick<WorkAttempt, "finishedAt" | "score">>(work: A[]): A | null {
  let first: A | null = null;
  for (const a of work) if (a.finishedAt && a.score !== null && (!first || a.finishedAt < first.finishedAt!)) first = a;
  return first;
}

export interface ClassWork {
  assignments: WorkAssignment[];
  students: { id: string; name: string; email: string; joinedAt: Date }[];
  /** A student's class work for one assignment, oldest first. */
  workOf(assignmentId: string, userId: string): WorkAttempt[];
  /** Every class-work attempt of the class (or of one student), for exports and the drill-down. */
  attemptIds(userId?: string): string[];
}

/** Loads a class's assignments, students (by name) and their class work. No access check: callers check. */
export async function loadClassWork(classId: string, onlyUserId?: string): Promise<ClassWork> {
  const [assignments, enrollments] = await Promise.all([
    db().assignment.findMany({ where: { classId }, orderBy: { createdAt: "asc" }, select: { id: true, scope: true, scopeId: true, createdAt: true, dueAt: true } }),
    db().enrollment.findMany({
      where: { classId, ...(onlyUserId ? { userId: onlyUserId } : {}) },
      orderBy: { user: { name: "asc" } },
      select: { joinedAt: true, user: { select: { id: true, name: true, email: true } } },
    }),
  ]);
  const students = enrollments.map((e) => ({ ...e.user, joinedAt: e.joinedAt }));
  const attempts =
    assignments.length === 0
      ? []
      : await inChunks(
          students.map((s) => s.id),
          (userIds) =>
            db().attempt.findMany({
              where: { userId: { in: userIds }, OR: assignments.map((a) => ({ scope: a.scope, scopeId: a.scopeId, startedAt: { gte: a.createdAt } })) },
              orderBy: [{ startedAt: "asc" }, { id: "asc" }],
              select: { id: true, userId: true, scope: true, scopeId: true, startedAt: true, finishedAt: true, score: true, responses: { select: { questionId: true } } },
            }),
        ).then((rows) => rows.map(({ responses, ...attempt }) => ({ ...attempt, answered: responses.map((r) => r.questionId) })));
  const joinedAt = new Map(students.map((s) => [s.id, s.joinedAt]));
  // Assignment id → student id → class work, oldest first.
  const cells = new Map(assignments.map((a) => [a.id, new Map<string, WorkAttempt[]>()]));
  for (const attempt of attempts) {
    for (const a of assignments) {
      if (!isClassWork(attempt, a, joinedAt.get(attempt.userId)!)) continue;
      const row = cells.get(a.id)!;
      row.set(attempt.userId, [...(row.get(attempt.userId) ?? []), attempt]);
    }
  }
  return {
    assignments,
    students,
    workOf: (assignmentId, userId) => cells.get(assignmentId)?.get(userId) ?? [],
    attemptIds: (userId) => [...new Set([...cells.values()].flatMap((row) => [...row.values()].flat()).filter((a) => !userId || a.userId === userId).map((a) => a.id))],
  };
}
