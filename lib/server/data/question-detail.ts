import "server-only";
import { visibleLessonWhere } from "@/lib/server/data/visibility";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { SessionUser } from "@/lib/server/data/users";
import { canTeach } from "@/lib/schemas/roles";
import { editorFor } from "@/lib/server/data/question-editor";
import { withEdits } from "@/lib/server/data/question-rows";
import { editScopeOf, OPTION_EDIT_TYPES } from "@/lib/server/data/question-review";

/** A question as a reviewer sees it: the generated version with the edits in force for them, the key. */
export async function getQuestionForReview(viewer: SessionUser, questionId: string) {
  if (!canTeach(viewer.role)) throw new AppError("FORBIDDEN", "Only instructors review questions.");
  const editorId = await editorFor(viewer);
  // A question of a lesson the viewer may not see does not exist for them (decisions/0033).
  const row = await db().question.findFirst({
    where: { id: questionId, lesson: visibleLessonWhere(viewer) },
    select: {
      id: true,
      lessonSlug: true,
      type: true,
      retiredAt: true,
      payload: true,
      override: true,
      instructorEdits: { where: { instructorId: { in: editorId ? [editorId] : [] } } },
      _count: { select: { flags: true, responses: true } },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", "This question does not exist.");
  const generated = JSON.parse(row.payload) as { stem: string; explanation: string; answerText: string; correctOptionId?: string | null; language: string; options: { id: string; text: string }[] | null; source: { quote: string; sentenceId: string } };
  const own = row.instructorEdits[0];
  const q = withEdits(generated, row.override, own);
  const flags = await db().questionFlag.findMany({ where: { questionId }, orderBy: { createdAt: "desc" }, select: { reason: true, comment: true, createdAt: true } });
  return {
    id: row.id,
    lessonSlug: row.lessonSlug,
    type: row.type,
    language: q.language,
    answerText: q.answerText,
    source: q.source,
    stem: q.stem,
    explanation: q.explanation,
    options: q.options,
    optionsEditable: OPTION_EDIT_TYPES.includes(row.type),
    retired: !!row.retiredAt || !!row.override?.retired || !!own?.retired,
    /** Retired by this reviewer's scope (what their retire/restore button switches). */
    retiredInScope: editorId ? !!own?.retired : !!row.override?.retired,
    /** Whom a save on this page changes the question for. */
    editScope: editScopeOf(viewer).description,
    responses: row._count.responses,
    flags,
  };
}
