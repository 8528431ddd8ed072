import "server-only";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { SessionUser } from "@/lib/server/data/users";
import { canTeach } from "@/lib/schemas/roles";

/** A question as an instructor reviews it: the generated version, the current edits, the key. */
export async function getQuestionForReview(viewer: SessionUser, questionId: string) {
  if (!canTeach(viewer.role)) throw new AppError("FORBIDDEN", "Only instructors review questions.");
  const row = await db().question.findUnique({
    where: { id: questionId },
    select: { id: true, lessonSlug: true, type: true, retiredAt: true, payload: true, override: true, _count: { select: { flags: true, responses: true } } },
  });
  if (!row) throw new AppError("NOT_FOUND", "This question does not exist.");
  const generated = JSON.parse(row.payload) as { stem: string; explanation: string; answerText: string; language: string; options: { id: string; text: string }[] | null; source: { quote: string; sentenceId: string } };
  const flags = await db().questionFlag.findMany({ where: { questionId }, orderBy: { createdAt: "desc" }, select: { reason: true, comment: true, createdAt: true } });
  return {
    id: row.id,
    lessonSlug: row.lessonSlug,
    type: row.type,
    language: generated.language,
    answerText: generated.answerText,
    source: generated.source,
    stem: row.override?.stem ?? generated.stem,
    explanation: row.override?.explanation ?? generated.explanation,
    options: row.override?.options ? (JSON.parse(row.override.options) as { id: string; text: string }[]) : generated.options,
    retired: !!row.retiredAt || !!row.override?.retired,
    responses: row._count.responses,
    flags,
  };
}
