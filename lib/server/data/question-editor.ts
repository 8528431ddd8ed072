import "server-only";
import { db } from "@/lib/server/db";
import type { SessionUser } from "@/lib/server/data/users";

/**
 * Whose edits to the question bank a user sees (decisions/0019): an instructor sees their own; a
 * student sees those of the instructor of the first class they joined (so a later class cannot
 * change the questions under them); admins and students in no class see the shared bank (null).
 */
export async function editorFor(user: SessionUser): Promise<string | null> {
  if (user.role === "INSTRUCTOR") return user.id;
  if (user.role !== "STUDENT") return null;
  // The first class joined (by time, then class id) and its first instructor by id, so the choice
  // is stable. One plain SQL statement: every quiz and review answer runs it (decisions/0027).
  const [first] = await db().$queryRaw<{ editorId: string | null }[]>`
    SELECT (SELECT ci."userId" FROM "ClassInstructor" ci WHERE ci."classId" = e."classId" ORDER BY ci."userId" LIMIT 1) AS "editorId"
    FROM "Enrollment" e WHERE e."userId" = ${user.id} ORDER BY e."joinedAt", e."classId" LIMIT 1`;
  return first?.editorId ?? null;
}
