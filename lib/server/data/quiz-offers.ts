import "server-only";
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
