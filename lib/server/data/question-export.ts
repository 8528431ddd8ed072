import "server-only";
import { db } from "@/lib/server/db";
import type { SessionUser } from "@/lib/server/data/users";
import { AppError } from "@/lib/server/errors";
import { canTeach } from "@/lib/schemas/roles";
import { editorFor } from "@/lib/server/data/question-editor";
import { activeFor, parseQuestion, questionFieldsFor } from "@/lib/server/data/question-rows";
import { activeQuestions } from "@/lib/server/data/quiz-offers";
import { visibleLessonWhere } from "@/lib/server/data/visibility";
import type { ExportBank } from "@/lib/export/bank";

export type ExportScope = { kind: "lesson"; slug: string } | { kind: "sector"; id: string } | { kind: "questions"; ids: string[] };

/** At most this many ticked questions per export (a form of the questions page never sends more). */
export const MAX_SELECTED = 500;

/** The scope a form sends: "lesson:<slug>", "sector:<id>" or "selected" with the ticked ids; null if neither. */
export function parseExportScope(scope: string | null, ids: string[]): ExportScope | null {
  if (scope === "selected") return { kind: "questions", ids };
  const [kind, ...rest] = (scope ?? "").split(":");
  const key = rest.join(":");
  if (!key) return null;
  return kind === "lesson" ? { kind: "lesson", slug: key } : kind === "sector" ? { kind: "sector", id: key } : null;
}

/**
 * The reviewed bank to export (decisions/0031): the questions of a lesson, of a sector or those
 * ticked, as the viewer sees them (their edits over the shared bank's), retired ones left out.
 * Instructors and admins only; an unknown lesson or sector is NOT_FOUND; nothing to export is INVALID.
 */
export async function loadExportBank(viewer: SessionUser, scope: ExportScope): Promise<ExportBank & { fileBase: string }> {
  if (!canTeach(viewer.role)) throw new AppError("FORBIDDEN", "Only instructors can export questions.");
  const editorId = await editorFor(viewer);
  let bank: ExportBank & { fileBase: string };
  if (scope.kind === "lesson") {
    const lesson = await db().lesson.findFirst({ where: { slug: scope.slug, ...visibleLessonWhere(viewer) }, select: { slug: true, title: true } });
    if (!lesson) throw new AppError("NOT_FOUND", "There is no such lesson.");
    bank = { title: lesson.title, scopeKey: `lesson:${lesson.slug}`, fileBase: lesson.slug, questions: await activeQuestions(viewer, "lesson", lesson.slug, editorId) };
  } else if (scope.kind === "sector") {
    const sector = await db().sector.findUnique({ where: { id: scope.id }, select: { id: true, nameEn: true } });
    if (!sector) throw new AppError("NOT_FOUND", "There is no such sector.");
    bank = { title: sector.nameEn, scopeKey: `sector:${sector.id}`, fileBase: `sector-${sector.id}`, questions: await activeQuestions(viewer, "sector", sector.id, editorId) };
  } else {
    const ids = [...new Set(scope.ids)];
    if (ids.length > MAX_SELECTED) throw new AppError("INVALID", `Select at most ${MAX_SELECTED} questions.`);
    const rows = await db().question.findMany({ where: { ...activeFor(editorId, visibleLessonWhere(viewer)), id: { in: ids } }, select: questionFieldsFor(editorId), orderBy: [{ lessonSlug: "asc" }, { id: "asc" }] });
    bank = { title: "Selected questions", scopeKey: "selection", fileBase: "selected-questions", questions: rows.map(parseQuestion) };
  }
  if (bank.questions.length === 0) throw new AppError("INVALID", "There are no questions to export.");
  return bank;
}
