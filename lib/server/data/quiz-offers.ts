import "server-only";
import { createHash } from "node:crypto";
import { unstable_cache } from "next/cache";
import { db } from "@/lib/server/db";
import { quizCapacity } from "@/lib/quiz/quiz-capacity";
import type { QuizQuestion, QuizScope } from "@/lib/quiz/question";
import type { SessionUser } from "@/lib/server/data/users";
import { visibleLessonWhere } from "@/lib/server/data/visibility";
import { activeFor, parseQuestion, questionFieldsFor } from "@/lib/server/data/question-rows";

/** What the quiz buttons of a lesson or sector can promise: the questions each quiz really gives. */
export interface QuizOffer {
  /** "Quiz on this …": 0 when there is nothing to ask. */
  questions: number;
  /** "Figures only": 0 when the scope has no figure question (the button is then not shown). */
  figures: number;
}

/**
 * The active questions of a lesson or a sector as the given editor's classes see them (the shared
 * bank's edits, then that instructor's own; decisions/0019), in a stable order.
 */
export async function activeQuestions(viewer: SessionUser, scope: QuizScope, scopeId: string, editorId: string | null): Promise<QuizQuestion[]> {
  const active = activeFor(editorId, visibleLessonWhere(viewer));
  const where = scope === "lesson" ? { ...active, lessonSlug: scopeId } : { ...active, sectors: { some: { sectorId: scopeId } } };
  const rows = await db().question.findMany({ where, select: questionFieldsFor(editorId), orderBy: { id: "asc" } });
  return rows.map(parseQuestion);
}

export function offerFor(pool: QuizQuestion[]): QuizOffer {
  return { questions: quizCapacity(pool, { figuresOnly: false }), figures: quizCapacity(pool, { figuresOnly: true }) };
}

export async function quizOffer(viewer: SessionUser, scope: QuizScope, scopeId: string, editorId: string | null): Promise<QuizOffer> {
  return offerFor(await activeQuestions(viewer, scope, scopeId, editorId));
}

/**
 * A lesson's offer is a pure function of its active questions' generated payloads (type, source
 * sentence, figures; edits change wording only), and each payload is fixed by the question's
 * content hash. So the fingerprint of the active (id, content hash) pairs, read in one narrow
 * query, names the offer exactly, in every process on the database (docs/decisions/0027).
 */
// The caller (the lesson page) has already checked that the reader may see this lesson.
export async function lessonOfferKey(slug: string, editorId: string | null): Promise<{ fingerprint: string; ids: string[] }> {
  const rows = await db().question.findMany({ where: { ...activeFor(editorId, { retiredAt: null }), lessonSlug: slug }, select: { id: true, contentHash: true }, orderBy: { id: "asc" } });
  const fingerprint = createHash("sha256").update(rows.map((r) => `${r.id}:${r.contentHash}`).join("\n")).digest("base64url");
  return { fingerprint, ids: rows.map((r) => r.id) };
}

const cachedOffer = unstable_cache(
  async (_fingerprint: string, ids: string[]): Promise<QuizOffer> => {
    const rows = await db().question.findMany({ where: { id: { in: ids } }, select: questionFieldsFor(null), orderBy: { id: "asc" } });
    return offerFor(rows.map(parseQuestion));
  },
  ["lesson-quiz-offer-v1"],
  { revalidate: false },
);

/** The lesson page's quiz offer for a reader (editorId: see editorFor), from the cache when the active questions are unchanged. */
export async function cachedLessonOffer(slug: string, editorId: string | null): Promise<QuizOffer> {
  const { fingerprint, ids } = await lessonOfferKey(slug, editorId);
  return cachedOffer(fingerprint, ids);
}

/** Every sector's offer from one query (the sectors page lists them all). */
export async function sectorOffers(viewer: SessionUser, editorId: string | null): Promise<Map<string, QuizOffer>> {
  const rows = await db().question.findMany({ where: activeFor(editorId, visibleLessonWhere(viewer)), select: { ...questionFieldsFor(editorId), sectors: { select: { sectorId: true } } }, orderBy: { id: "asc" } });
  const pools = new Map<string, QuizQuestion[]>();
  for (const row of rows) {
    const question = parseQuestion(row);
    for (const { sectorId } of row.sectors) {
      const pool = pools.get(sectorId);
      if (pool) pool.push(question);
      else pools.set(sectorId, [question]);
    }
  }
  return new Map([...pools].map(([id, pool]) => [id, offerFor(pool)]));
}
