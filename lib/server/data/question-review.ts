import "server-only";
import { visibleLessonWhere } from "@/lib/server/data/visibility";
import { db, type Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { SessionUser } from "@/lib/server/data/users";
import { canTeach } from "@/lib/schemas/roles";
import { withEdits } from "@/lib/server/data/question-rows";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

function requireTeacher(viewer: SessionUser) {
  if (!canTeach(viewer.role)) throw new AppError("FORBIDDEN", "Only instructors review questions.");
}

/** The types whose option texts may be edited: one key option among distractors (decisions/0019). */
export const OPTION_EDIT_TYPES = ["figure-mc", "sector-id"];

/**
 * Where a reviewer's edits go (decisions/0019): an admin edits the shared bank every reader sees
 * unless their instructor changed the same field; an instructor edits their own copy, which only
 * they and the students of their classes see.
 */
export function editScopeOf(viewer: SessionUser): { instructorId: string | null; description: string } {
  return viewer.role === "ADMIN"
    ? { instructorId: null, description: "the shared question bank: every class whose instructor has not changed this question, and students in no class" }
    : { instructorId: viewer.id, description: "your own classes only: you and the students whose first class is one of yours" };
}

export interface QuestionEdit {
  stem?: string;
  explanation?: string;
  /** Replacement texts for the options, by option id (ids, and so the key, never change). */
  optionTexts?: Record<string, string>;
}

type EditRow = { stem: string | null; explanation: string | null; options: string | null; retired: boolean };

/** The question, the shared bank's edit and the viewer's own edit (for an instructor). */
async function loadForEdit(tx: Tx, viewer: SessionUser, questionId: string, instructorId: string | null) {
  const row = await tx.question.findFirst({
    where: { id: questionId, lesson: visibleLessonWhere(viewer) },
    select: { type: true, payload: true, override: true, instructorEdits: { where: { instructorId: { in: instructorId ? [instructorId] : [] } } } },
  });
  if (!row) throw new AppError("NOT_FOUND", "This question does not exist.");
  const own: EditRow | null = instructorId ? (row.instructorEdits[0] ?? null) : row.override;
  return { ...row, own };
}

/** Writes the changed fields of the viewer's scope: the shared override (admin) or their own edit. */
async function saveScoped(tx: Tx, questionId: string, instructorId: string | null, data: Partial<EditRow>) {
  if (instructorId === null) await tx.questionOverride.upsert({ where: { questionId }, create: { questionId, ...data }, update: data });
  else await tx.instructorEdit.upsert({ where: { instructorId_questionId: { instructorId, questionId } }, create: { instructorId, questionId, ...data }, update: data });
}

const normalized = (text: string) => text.trim().toLocaleLowerCase();

/**
 * New option texts, refused when one would read like another option (before or after the edit):
 * giving a distractor the key's words, or swapping two texts, would make the key mean something else.
 */
function editOptions(current: { id: string; text: string }[], edits: Record<string, string>) {
  for (const id of Object.keys(edits)) {
    if (!current.some((o) => o.id === id)) throw new AppError("INVALID", `Option ${id} is not part of this question.`, "options");
  }
  const next = current.map((o) => ({ id: o.id, text: edits[o.id] ?? o.text }));
  for (const o of next) {
    if (o.text === current.find((c) => c.id === o.id)!.text) continue;
    const clash = [...current, ...next].find((other) => other.id !== o.id && normalized(other.text) === normalized(o.text));
    if (clash) throw new AppError("INVALID", `“${o.text}” is already the text of another option: each option keeps its own words, so the key cannot move.`, "options");
  }
  return next;
}

/**
 * Saves a reviewer's edit in their scope (editScopeOf), keyed by the stable question id so
 * content:sync keeps it, and logs each changed field with its before and after values, in one
 * transaction.
 */
export async function editQuestion(viewer: SessionUser, questionId: string, edit: QuestionEdit): Promise<void> {
  requireTeacher(viewer);
  const { instructorId } = editScopeOf(viewer);
  await db().$transaction(async (tx) => {
    const row = await loadForEdit(tx, viewer, questionId, instructorId);
    const generated = JSON.parse(row.payload) as { stem: string; explanation: string; answerText: string; options: { id: string; text: string }[] | null };
    // What this reviewer sees now: for an instructor, the shared bank with their own edit on top.
    const seen = withEdits(generated, row.override, instructorId ? (row.own ?? undefined) : undefined);
    const current = { stem: seen.stem, explanation: seen.explanation, options: seen.options ? JSON.stringify(seen.options) : null };
    const next = { ...current };
    if (edit.stem !== undefined) next.stem = edit.stem;
    if (edit.explanation !== undefined) next.explanation = edit.explanation;
    if (edit.optionTexts && Object.keys(edit.optionTexts).length > 0) {
      if (!seen.options || !OPTION_EDIT_TYPES.includes(row.type)) throw new AppError("INVALID", "Only multiple-choice options can be edited.", "options");
      next.options = JSON.stringify(editOptions(seen.options, edit.optionTexts));
    }
    const changed = (["stem", "explanation", "options"] as const).filter((f) => next[f] !== current[f]);
    if (changed.length === 0) return;
    await saveScoped(tx, questionId, instructorId, Object.fromEntries(changed.map((f) => [f, next[f]])));
    await tx.questionEditLog.createMany({
      data: changed.map((field) => ({ questionId, userId: viewer.id, instructorId, field, before: current[field], after: next[field] })),
    });
  });
}

/** Retires a question from new quizzes in the viewer's scope (or restores it). Past answers keep counting. */
export async function setQuestionRetired(viewer: SessionUser, questionId: string, retired: boolean): Promise<void> {
  requireTeacher(viewer);
  const { instructorId } = editScopeOf(viewer);
  await db().$transaction(async (tx) => {
    const row = await loadForEdit(tx, viewer, questionId, instructorId);
    const before = row.own?.retired ?? false;
    if (before === retired) return;
    await saveScoped(tx, questionId, instructorId, { retired });
    await tx.questionEditLog.create({ data: { questionId, userId: viewer.id, instructorId, field: "retired", before: String(before), after: String(retired) } });
  });
}

/** The changes in force for the viewer: the shared bank's and, for an instructor, their own. */
export async function getEditLog(viewer: SessionUser, questionId: string) {
  requireTeacher(viewer);
  const { instructorId } = editScopeOf(viewer);
  return db().questionEditLog.findMany({
    where: { questionId, question: { lesson: visibleLessonWhere(viewer) }, OR: [{ instructorId: null }, ...(instructorId ? [{ instructorId }] : [])] },
    orderBy: { createdAt: "asc" },
    select: { field: true, before: true, after: true, createdAt: true, instructorId: true, user: { select: { name: true, email: true } } },
  });
}
