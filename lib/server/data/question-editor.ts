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
  const first = await db().enrollment.findFirst({
    where: { userId: user.id },
    orderBy: [{ joinedAt: "asc" }, { classId: "asc" }],
    // A class with several instructors: the first by id, so the choice is stable.
    select: { class: { select: { instructors: { select: { userId: true }, orderBy: { userId: "asc" }, take: 1 } } } },
  });
  return first?.class.instructors[0]?.userId ?? null;
}
