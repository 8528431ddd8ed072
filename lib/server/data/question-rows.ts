import "server-only";
import type { Feedback, QuizQuestion } from "@/lib/quiz/question";
import type { Answer } from "@/lib/schemas/answer";
import { gradeAnswer, AnswerDoesNotFitError, type Grade } from "@/lib/quiz/grade-answer";
import { gradeTypedQuestion } from "@/lib/quiz/grade-typed";
import { AppError } from "@/lib/server/errors";

// How quizzes and reviews read a stored question: the generated payload with a reviewer's edits.

/** The fields every quiz query reads: the generated question and an instructor's edits to it. */
export const questionFields = {
  id: true,
  lessonSlug: true,
  payload: true,
  override: { select: { stem: true, explanation: true, options: true } },
} as const;

export interface QuestionRow {
  id: string;
  lessonSlug: string;
  payload: string;
  override: { stem: string | null; explanation: string | null; options: string | null } | null;
}

/** The generated question with an instructor's edits applied (they survive content:sync; decisions/0007). */
export function parseQuestion(row: QuestionRow): QuizQuestion {
  const q = JSON.parse(row.payload) as QuizQuestion;
  const o = row.override;
  return {
    ...q,
    id: row.id,
    documentSlug: row.lessonSlug,
    stem: o?.stem ?? q.stem,
    explanation: o?.explanation ?? q.explanation,
    options: o?.options ? (JSON.parse(o.options) as QuizQuestion["options"]) : q.options,
  };
}

/** Active = still generated and not retired by a reviewer. */
export const active = { retiredAt: null, OR: [{ override: null }, { override: { retired: false } }] };

export function feedbackFor(q: QuizQuestion, correct: boolean, readAs: string | null): Feedback {
  return { correct, answerText: q.answerText, explanation: q.explanation, readAs, source: { lessonSlug: q.documentSlug, sentenceId: q.source.sentenceId, quote: q.source.quote } };
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
