import "server-only";
import type { SessionUser } from "@/lib/server/data/users";
import { Prisma } from "@/lib/generated/prisma/sqlite/client";

/**
 * Which lessons a user may list or open (decisions/0033): the shared library (content/, no owner)
 * for everyone; a lesson an instructor added from the browser for its owner, the instructors of
 * the classes it is published to, and the students of those classes; admins see every lesson.
 * Retired (deleted) lessons are visible to nobody. A Prisma `where` on Lesson, used as a relation
 * filter by every query that lists or opens lessons, sectors, quizzes or reviews.
 */
export function visibleLessonWhere(viewer: Pick<SessionUser, "id" | "role">) {
  if (viewer.role === "ADMIN") return { retiredAt: null };
  const published =
    viewer.role === "INSTRUCTOR"
      ? { publications: { some: { class: { instructors: { some: { userId: viewer.id } } } } } }
      : { publications: { some: { class: { enrollments: { some: { userId: viewer.id } } } } } };
  return {
    retiredAt: null,
    OR: [{ ownerId: null }, ...(viewer.role === "INSTRUCTOR" ? [{ ownerId: viewer.id }] : []), published],
  };
}

export type VisibleLessons = ReturnType<typeof visibleLessonWhere>;

/**
 * A signed-out visitor (when public lessons are on, lib/server/public-lessons.ts) sees the shared
 * library only: no lesson with an owner, nothing retired.
 */
export function anonymousLessonWhere() {
  return { retiredAt: null, ownerId: null };
}

/** visibleLessonWhere for a signed-in viewer, anonymousLessonWhere for nobody (null). */
export function lessonWhereFor(viewer: Pick<SessionUser, "id" | "role"> | null) {
  return viewer ? visibleLessonWhere(viewer) : anonymousLessonWhere();
}

/**
 * visibleLessonWhere as SQL on a Lesson row aliased `alias`, for the plain SQL statements of the
 * review hot paths (decisions/0050). The same rule, written twice: change both together;
 * tests/integration/visibility-sql.test.ts checks that they select the same lessons and questions.
 */
export function visibleLessonSql(viewer: Pick<SessionUser, "id" | "role">, alias: string): Prisma.Sql {
  const l = Prisma.raw(alias);
  if (viewer.role === "ADMIN") return Prisma.sql`${l}."retiredAt" IS NULL`;
  const member =
    viewer.role === "INSTRUCTOR"
      ? Prisma.sql`SELECT 1 FROM "ClassInstructor" m WHERE m."classId" = p."classId" AND m."userId" = ${viewer.id}`
      : Prisma.sql`SELECT 1 FROM "Enrollment" m WHERE m."classId" = p."classId" AND m."userId" = ${viewer.id}`;
  const own = viewer.role === "INSTRUCTOR" ? Prisma.sql` OR ${l}."ownerId" = ${viewer.id}` : Prisma.empty;
  return Prisma.sql`${l}."retiredAt" IS NULL AND (${l}."ownerId" IS NULL${own} OR EXISTS (SELECT 1 FROM "LessonPublication" p WHERE p."lessonSlug" = ${l}."slug" AND EXISTS (${member})))`;
}
