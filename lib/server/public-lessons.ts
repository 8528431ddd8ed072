import "server-only";
import { getCurrentUser, requireUser } from "@/lib/server/auth/session";
import { isLessonShellRender } from "@/lib/server/lesson-shell";
import type { SessionUser } from "@/lib/server/data/users";

/**
 * Signed-out visitors may read the lesson list and the shared library's lessons (decisions/0037),
 * so a teacher can send a link before a class has accounts. `PUBLIC_LESSONS=off` turns it off.
 */
export function publicLessonsEnabled(): boolean {
  return process.env.PUBLIC_LESSONS?.trim().toLowerCase() !== "off";
}

/** For the two lesson pages only: the signed-in user, or null for a visitor when public lessons are on. */
export async function lessonReader(): Promise<SessionUser | null> {
  // The render for the shared page cache (decisions/0042) is for nobody, and shows the shared
  // library only; lib/server/lesson-document.ts applies this setting before serving it.
  if (await isLessonShellRender()) return null;
  return publicLessonsEnabled() ? getCurrentUser() : requireUser();
}
