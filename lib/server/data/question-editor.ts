import "server-only";
import { Prisma } from "@/lib/generated/prisma/sqlite/client";
import { db } from "@/lib/server/db";
import type { SessionUser } from "@/lib/server/data/users";

/**
 * Whose edits to the question bank a user sees (decisions/0019): an instructor sees their own; a
 * student sees those of the instructor of the first class they joined (so a later class cannot
 * change the questions under them); admins and students in no class see the shared bank (null).
 */
export async function editorFor(user: SessionUser): Promise<string | null> {
  if (user.role !== "STUDENT") return editorOf(user, null);
  // One plain SQL statement: every quiz and review answer runs it (decisions/0027).
  const [first] = await db().$queryRaw<{ editorId: string | null }[]>`SELECT ${firstInstructorOf(Prisma.sql`${user.id}`)} AS "editorId"`;
  return editorOf(user, first?.editorId ?? null);
}

/**
 * The student's instructor as a scalar subquery on the user id `userId` (a column or a value), for
 * statements that read it with other things (decisions/0027, 0048): the first class joined (by
 * time, then class id) and its first instructor by id, so the choice is stable.
 */
export function firstInstructorOf(userId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT (SELECT ci."userId" FROM "ClassInstructor" ci WHERE ci."classId" = e."classId" ORDER BY ci."userId" LIMIT 1)
    FROM "Enrollment" e WHERE e."userId" = ${userId} ORDER BY e."joinedAt", e."classId" LIMIT 1)`;
}

/** editorFor, given what firstInstructorOf read for the user (used only for a student). */
export function editorOf(user: SessionUser, firstInstructor: string | null): string | null {
  return user.role === "INSTRUCTOR" ? user.id : user.role === "STUDENT" ? firstInstructor : null;
}

/**
 * editorOf as SQL on a User row aliased `alias` (its id and role), for a statement that joins the
 * edits in force with its other reads (decisions/0050). Change it with editorOf.
 */
export function editorOfSql(alias: string): Prisma.Sql {
  const user = Prisma.raw(alias);
  return Prisma.sql`(CASE ${user}."role" WHEN 'INSTRUCTOR' THEN ${user}."id" WHEN 'STUDENT' THEN ${firstInstructorOf(Prisma.sql`${user}."id"`)} ELSE NULL END)`;
}
