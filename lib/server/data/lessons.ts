import "server-only";
import { db } from "@/lib/server/db";
import { lessonBodySchema, type LessonBody } from "@/lib/schemas/lesson";
import type { SessionUser } from "@/lib/server/data/users";

export interface LessonSummary {
  slug: string;
  title: string;
  language: string;
  readingMinutes: number;
  questionCount: number;
}

export interface LessonDetail extends Omit<LessonSummary, "questionCount"> {
  source: string | null;
  body: LessonBody;
}

/** Lessons are for signed-in users (progress is kept per account); the viewer is passed to make that explicit. */
export async function listLessons(_viewer: SessionUser): Promise<LessonSummary[]> {
  const rows = await db().lesson.findMany({
    where: { retiredAt: null },
    orderBy: { position: "asc" },
    select: {
      slug: true,
      title: true,
      language: true,
      readingMinutes: true,
      _count: { select: { questions: { where: { retiredAt: null } } } },
    },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, questionCount: _count.questions }));
}

export async function getLesson(_viewer: SessionUser, slug: string): Promise<LessonDetail | null> {
  const row = await db().lesson.findFirst({
    where: { slug, retiredAt: null },
    select: { slug: true, title: true, language: true, source: true, readingMinutes: true, body: true },
  });
  if (!row) return null;
  return { ...row, body: lessonBodySchema.parse(JSON.parse(row.body)) };
}
