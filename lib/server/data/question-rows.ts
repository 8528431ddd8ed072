import { visibleLessonSql, type VisibleLessons } from "@/lib/server/data/visibility";
import type { SessionUser } from "@/lib/server/data/users";
import { Prisma } from "@/lib/generated/prisma/sqlite/client";
import "server-only";
import { parseReadAs } from "@/lib/quiz/read-as";
import type { Feedback, QuizQuestion } from "@/lib/quiz/question";
import type { Answer } from "@/lib/schemas/answer";
import { gradeAnswer, AnswerDoesNotFitError, type Grade } from "@/lib/quiz/grade-answer";
import { gradeTypedQuestion } from "@/lib/quiz/grade-typed";
import { AppError } from "@/lib/server/errors";

// How quizzes and reviews read a stored question: the generated payload with a reviewer's edits.

type EditFields = { stem: string | null; explanation: string | null; options: string | null };
const editFields = { stem: true, explanation: true, options: true } as const;

/**
 * The fields every quiz query reads: the generated question, the shared bank's edits and, when
 * `editorId` names an instructor (see editorFor), that instructor's own edits on top.
 */
export function questionFieldsFor(editorId: string | null) {
  return {
    id: true,
    lessonSlug: true,
    payload: true,
    override: { select: editFields },
    // No editor: an empty list reads no instructor's edits.
    instructorEdits: { where: { instructorId: { in: editorId ? [editorId] : [] } }, select: editFields },
  } as const;
}

export interface QuestionRow {
  id: string;
  lessonSlug: string;
  payload: string;
  override: EditFields | null;
  instructorEdits?: EditFields[];
}

type Editable = { stem: string; explanation: string; options: { id: string; text: string }[] | null; answerText: string; correctOptionId?: string | null };

/**
 * A generated question with the edits in force for its reader: the instructor's field, else the
 * shared bank's, else the generated one (they survive content:sync; decisions/0007, 0019). Option
 * ids never change, and the key's words are read from the key's option, so the answer shown always
 * matches the option that is graded correct.
 */
export function withEdits<Q extends Editable>(generated: Q, shared: EditFields | null, own: EditFields | undefined): Q {
  const options = own?.options ?? shared?.options;
  const edited = { ...generated, stem: own?.stem ?? shared?.stem ?? generated.stem, explanation: own?.explanation ?? shared?.explanation ?? generated.explanation };
  if (!options) return edited;
  const parsed = JSON.parse(options) as { id: string; text: string }[];
  const keyText = (options: { id: string; text: string }[] | null) => options?.find((o) => o.id === generated.correctOptionId)?.text;
  const key = generated.correctOptionId ? keyText(parsed) : undefined;
  // Only a reworded key changes the answer shown; otherwise the generator's wording stays.
  return { ...edited, options: parsed, answerText: key !== undefined && key !== keyText(generated.options) ? key : generated.answerText };
}

/** The generated question with the reader's edits applied. */
export function parseQuestion(row: QuestionRow): QuizQuestion {
  const q = JSON.parse(row.payload) as QuizQuestion;
  return withEdits({ ...q, id: row.id, documentSlug: row.lessonSlug }, row.override, row.instructorEdits?.[0]);
}

/**
 * Active = still generated, not retired in the shared bank, nor by the reader's instructor, and in
 * a lesson the reader may see (`visibleLessonWhere`, decisions/0033). Review-only questions
 * (decisions/0039) are left out unless `forReview`: quizzes, capacity, statistics and exports never
 * see them; only a review of a fact asks them.
 */
export function activeFor(editorId: string | null, visible: VisibleLessons, options: { forReview?: boolean } = {}) {
  return {
    retiredAt: null,
    ...(options.forReview ? {} : { reviewOnly: false }),
    lesson: visible,
    OR: [{ override: null }, { override: { retired: false } }],
    ...(editorId ? { instructorEdits: { none: { instructorId: editorId, retired: true } } } : {}),
  };
}

/**
 * activeFor as SQL on a Question row aliased `alias` (decisions/0050): the same rule, for the plain
 * SQL statements of the review hot paths. Change both together; tests/integration/visibility-sql.test.ts
 * checks that they select the same questions.
 */
export function activeQuestionSql(editorId: string | null, viewer: Pick<SessionUser, "id" | "role">, alias: string, options: { forReview?: boolean } = {}): Prisma.Sql {
  const q = Prisma.raw(alias);
  const reviewOnly = options.forReview ? Prisma.empty : Prisma.sql` AND ${q}."reviewOnly" = false`;
  const ownRetired = editorId
    ? Prisma.sql` AND NOT EXISTS (SELECT 1 FROM "InstructorEdit" re WHERE re."questionId" = ${q}."id" AND re."instructorId" = ${editorId} AND re."retired" = true)`
    : Prisma.empty;
  return Prisma.sql`${q}."retiredAt" IS NULL${reviewOnly}
    AND EXISTS (SELECT 1 FROM "Lesson" l WHERE l."slug" = ${q}."lessonSlug" AND ${visibleLessonSql(viewer, "l")})
    AND NOT EXISTS (SELECT 1 FROM "QuestionOverride" ro WHERE ro."questionId" = ${q}."id" AND ro."retired" = true)${ownRetired}`;
}

type EditColumnsAs<P extends string> = { [K in `${P}${Capitalize<keyof EditFields>}`]: string | null };

/** What editedQuestionColumns reads: the question's own columns, the shared bank's edit (o…) and the editor's (e…). */
export type EditedQuestionColumns = { qId: string; lessonSlug: string; payload: string; oId: string | null; eId: string | null } & EditColumnsAs<"o"> & EditColumnsAs<"e">;

/**
 * questionFieldsFor as SQL: the columns (with editedQuestionJoins on a Question row aliased `q`)
 * that questionRowOf turns into a QuestionRow. `editor` is the instructor whose edits apply: a
 * value, or an expression such as editorOfSql; NULL matches none.
 */
export const editedQuestionColumns = Prisma.raw(
  `q."id" AS "qId", q."lessonSlug", q."payload", o."questionId" AS "oId", o."stem" AS "oStem", o."explanation" AS "oExplanation", o."options" AS "oOptions", e."questionId" AS "eId", e."stem" AS "eStem", e."explanation" AS "eExplanation", e."options" AS "eOptions"`,
);

export function editedQuestionJoins(editor: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`LEFT JOIN "QuestionOverride" o ON o."questionId" = q."id" LEFT JOIN "InstructorEdit" e ON e."questionId" = q."id" AND e."instructorId" = ${editor}`;
}

export function questionRowOf(row: EditedQuestionColumns): QuestionRow {
  return {
    id: row.qId,
    lessonSlug: row.lessonSlug,
    payload: row.payload,
    override: row.oId === null ? null : { stem: row.oStem, explanation: row.oExplanation, options: row.oOptions },
    instructorEdits: row.eId === null ? [] : [{ stem: row.eStem, explanation: row.eExplanation, options: row.eOptions }],
  };
}

export function feedbackFor(q: QuizQuestion, correct: boolean, readAs: string | null): Feedback {
  return { correct, answerText: q.answerText, explanation: q.explanation, readAs: parseReadAs(readAs), source: { lessonSlug: q.documentSlug, sentenceId: q.source.sentenceId, quote: q.source.quote } };
}

/** Grades an answer on the server; an answer of the wrong shape for the question is the caller's error. */
export function gradeStoredQuestion(q: QuizQuestion, answer: Answer): Grade {
  try {
    return gradeAnswer(q, answer, gradeTypedQuestion);
  } catch (error) {
    if (error instanceof AnswerDoesNotFitError) throw new AppError("INVALID", error.message);
    throw error;
  }
}
