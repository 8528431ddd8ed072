import "server-only";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { SessionUser } from "@/lib/server/data/users";
import { canTeach } from "@/lib/schemas/roles";

function requireTeacher(viewer: SessionUser) {
  if (!canTeach(viewer.role)) throw new AppError("FORBIDDEN", "Only instructors review questions.");
}

export interface QuestionEdit {
  stem?: string;
  explanation?: string;
  /** Replacement texts for the options, by option id (ids, and so the key, never change). */
  optionTexts?: Record<string, string>;
}

/**
 * Saves an instructor's edit as an override keyed by the stable question id (so content:sync keeps
 * it) and logs each changed field with its before and after values, in one transaction.
 */
export async function editQuestion(viewer: SessionUser, questionId: string, edit: QuestionEdit): Promise<void> {
  requireTeacher(viewer);
  await db().$transaction(async (tx) => {
    const row = await tx.question.findUnique({ where: { id: questionId }, select: { payload: true, override: true } });
    if (!row) throw new AppError("NOT_FOUND", "This question does not exist.");
    const generated = JSON.parse(row.payload) as { stem: string; explanation: string; options: { id: string; text: string }[] | null };
    const current = {
      stem: row.override?.stem ?? generated.stem,
      explanation: row.override?.explanation ?? generated.explanation,
      options: row.override?.options ?? (generated.options ? JSON.stringify(generated.options) : null),
    };
    const next = { ...current };
    if (edit.stem !== undefined) next.stem = edit.stem;
    if (edit.explanation !== undefined) next.explanation = edit.explanation;
    if (edit.optionTexts && current.options) {
      const options = JSON.parse(current.options) as { id: string; text: string }[];
      for (const id of Object.keys(edit.optionTexts)) {
        if (!options.some((o) => o.id === id)) throw new AppError("INVALID", `Option ${id} is not part of this question.`, "options");
      }
      const texts = options.map((o) => ({ id: o.id, text: edit.optionTexts![o.id] ?? o.text }));
      if (new Set(texts.map((o) => o.text.trim())).size !== texts.length) throw new AppError("INVALID", "Options must all be different.", "options");
      next.options = JSON.stringify(texts);
    }
    const changed = (["stem", "explanation", "options"] as const).filter((f) => next[f] !== current[f]);
    if (changed.length === 0) return;
    await tx.questionOverride.upsert({
      where: { questionId },
      create: { questionId, stem: next.stem, explanation: next.explanation, options: next.options },
      update: { stem: next.stem, explanation: next.explanation, options: next.options },
    });
    await tx.questionEditLog.createMany({
      data: changed.map((field) => ({ questionId, userId: viewer.id, field, before: current[field], after: next[field] })),
    });
  });
}

/** Retires a question from new quizzes (or restores it). Past answers keep counting. */
export async function setQuestionRetired(viewer: SessionUser, questionId: string, retired: boolean): Promise<void> {
  requireTeacher(viewer);
  await db().$transaction(async (tx) => {
    const row = await tx.question.findUnique({ where: { id: questionId }, select: { override: { select: { retired: true } } } });
    if (!row) throw new AppError("NOT_FOUND", "This question does not exist.");
    const before = row.override?.retired ?? false;
    if (before === retired) return;
    await tx.questionOverride.upsert({ where: { questionId }, create: { questionId, retired }, update: { retired } });
    await tx.questionEditLog.create({ data: { questionId, userId: viewer.id, field: "retired", before: String(before), after: String(retired) } });
  });
}

export async function getEditLog(viewer: SessionUser, questionId: string) {
  requireTeacher(viewer);
  return db().questionEditLog.findMany({
    where: { questionId },
    orderBy: { createdAt: "asc" },
    select: { field: true, before: true, after: true, createdAt: true, user: { select: { name: true, email: true } } },
  });
}
