import { lessonWhereFor, visibleLessonWhere } from "@/lib/server/data/visibility";
import "server-only";
import { cache } from "react";
import { unstable_cache } from "next/cache";
import { db } from "@/lib/server/db";
import { lessonBodySchema, type LessonBody } from "@/lib/schemas/lesson";
import { lessonBodyHtml } from "@/lib/lesson-html";
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
export async function listLessons(viewer: SessionUser | null): Promise<LessonSummary[]> {
  const rows = await db().lesson.findMany({
    where: lessonWhereFor(viewer),
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
  return rows.map(({ _count, ownerId, ...row }) => ({ ...row, questionCount: _count.questions, own: ownerId !== null && ownerId === viewer?.id }));
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

/** A lesson page's header fields and the version of its text, without the text (one primary-key read). */
export interface LessonHead extends Omit<LessonSummary, "questionCount"> {
  source: string | null;
  /** What content:sync recorded for this lesson's content: it changes exactly when the lesson changed. */
  contentHash: string;
}

// Once per request: the page and its metadata both ask.
const readLessonHead = cache(
  (slug: string, viewerId: string | null, role: SessionUser["role"] | null): Promise<LessonHead | null> =>
    db().lesson.findFirst({
      where: { slug, ...lessonWhereFor(viewerId && role ? { id: viewerId, role } : null) },
      select: { slug: true, title: true, language: true, source: true, readingMinutes: true, contentHash: true },
    }),
);

/** A lesson the viewer (null: signed out, shared library only) may see (decisions/0033), or null: the page answers 404. */
export async function getLessonHead(viewer: SessionUser | null, slug: string): Promise<LessonHead | null> {
  return readLessonHead(slug, viewer?.id ?? null, viewer?.role ?? null);
}

/** The lesson text as HTML, rendered from the version of the lesson the database holds now (null if none has that hash). */
export async function renderLessonBody(slug: string, contentHash: string): Promise<string | null> {
  const row = await db().lesson.findFirst({ where: { slug, contentHash }, select: { body: true, language: true } });
  return row ? lessonBodyHtml(lessonBodySchema.parse(JSON.parse(row.body)), row.language) : null;
}

/**
 * The lesson text as HTML, cached by Next's data cache under (slug, content hash): every process
 * on one database reads the hash from the database, so a sync that changes a lesson changes its key
 * (and only its key) everywhere at once, with no message between processes (docs/decisions/0027).
 * The text is the same for every reader, so the cached value names no one.
 */
const cachedLessonBody = unstable_cache(renderLessonBody, ["lesson-body-html-v1"], { revalidate: false });

/** Null when the lesson no longer exists (retired by a sync since its head was read). */
export async function getLessonBodyHtml(head: Pick<LessonHead, "slug" | "contentHash">): Promise<string | null> {
  const html = await cachedLessonBody(head.slug, head.contentHash);
  if (html !== null) return html;
  // A sync replaced that version between the two reads: the lesson as it is now, uncached.
  const row = await db().lesson.findFirst({ where: { slug: head.slug, retiredAt: null }, select: { body: true, language: true } });
  return row ? lessonBodyHtml(lessonBodySchema.parse(JSON.parse(row.body)), row.language) : null;
}
