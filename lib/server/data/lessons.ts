import { visibleLessonWhere } from "@/lib/server/data/visibility";
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
  /** Added by the viewer from the browser (not the shared library). */
  own?: boolean;
}

export interface LessonDetail extends Omit<LessonSummary, "questionCount"> {
  source: string | null;
  body: LessonBody;
}

/** The lessons the viewer may see (decisions/0033): the shared library, their own, those published to their classes. */
export async function listLessons(viewer: SessionUser): Promise<LessonSummary[]> {
  const rows = await db().lesson.findMany({
    where: visibleLessonWhere(viewer),
    orderBy: [{ position: "asc" }, { title: "asc" }],
    select: {
      slug: true,
      title: true,
      language: true,
      readingMinutes: true,
      _count: { select: { questions: { where: { retiredAt: null } } } },
      ownerId: true,
    },
  });
  return rows.map(({ _count, ownerId, ...row }) => ({ ...row, questionCount: _count.questions, own: ownerId !== null && ownerId === viewer.id }));
}

/** A lesson the viewer may see, or null (a page answers 404: another class's lesson is not there). */
export async function getLesson(viewer: SessionUser, slug: string): Promise<LessonDetail | null> {
  const row = await db().lesson.findFirst({
    where: { slug, ...visibleLessonWhere(viewer) },
    select: { slug: true, title: true, language: true, source: true, readingMinutes: true, body: true },
  });
  if (!row) return null;
  return { ...row, body: lessonBodySchema.parse(JSON.parse(row.body)) };
}
