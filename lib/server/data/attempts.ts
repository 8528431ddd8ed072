import "server-only";
import { randomInt } from "node:crypto";
import { db, type Db } from "@/lib/server/db";
import { AppError, isUniqueViolation } from "@/lib/server/errors";
import type { SessionUser } from "@/lib/server/data/users";
import type { Answer } from "@/lib/schemas/answer";
import { selectQuestions, type QuestionHistory } from "@/lib/quiz/select-questions";
import { quizLength } from "@/lib/quiz/quiz-capacity";
import { visibleLessonWhere } from "@/lib/server/data/visibility";
import { activeQuestions } from "@/lib/server/data/quiz-offers";
import { presentQuestion } from "@/lib/quiz/present-question";
import type { AttemptView, Feedback, QuizQuestion } from "@/lib/quiz/question";
import { addCardsForMissedAnswers } from "@/lib/server/data/review";
import { inRetriedTransaction, type Tx } from "@/lib/server/data/retry-transaction";
import { feedbackFor, gradeStoredQuestion, parseQuestion, questionFieldsFor, type QuestionRow } from "@/lib/server/data/question-rows";
import { editorFor, editorOf, firstInstructorOf } from "@/lib/server/data/question-editor";
import { Prisma } from "@/lib/generated/prisma/sqlite/client";
import { sectorName } from "@/lib/server/data/scope-titles";
import type { Locale } from "@/i18n/config";

export type { QuizScope } from "@/lib/quiz/question";
import type { QuizScope } from "@/lib/quiz/question";


/** A quiz with nothing to ask: a 404 to API callers, an explanation page to the quiz buttons. */
export class NothingToAskError extends AppError {
  constructor(message: string) {
    super("NOT_FOUND", message);
  }
}


/**
 * What the student did with each of these questions the last time a quiz showed it: answered right
 * or wrong, or left blank in a finished quiz (shown but unanswered counts: finishing a blank quiz
 * again must not draw the same questions, whose keys a retake would otherwise reveal in turn).
 */
async function historyOf(userId: string, questionIds: string[]): Promise<QuestionHistory> {
  const wanted = new Set(questionIds);
  const [attempts, responses] = await Promise.all([
    db().attempt.findMany({ where: { userId }, select: { id: true, questionIds: true, finishedAt: true }, orderBy: [{ startedAt: "asc" }, { id: "asc" }] }),
    db().response.findMany({ where: { attempt: { userId } }, select: { attemptId: true, questionId: true, correct: true } }),
  ]);
  const answers = new Map<string, Map<string, boolean>>();
  for (const r of responses) answers.set(r.attemptId, (answers.get(r.attemptId) ?? new Map()).set(r.questionId, r.correct));
  const history: QuestionHistory = new Map();
  for (const attempt of attempts) {
    const answered = answers.get(attempt.id) ?? new Map<string, boolean>();
    for (const id of new Set([...(JSON.parse(attempt.questionIds) as string[]), ...answered.keys()])) {
      if (!wanted.has(id)) continue;
      const correct = answered.get(id);
      // An open quiz's unanswered question is not blank yet: it may still be answered.
      if (correct === undefined && !attempt.finishedAt) continue;
      const last = correct === undefined ? "blank" : correct ? "right" : "wrong";
      history.set(id, { seen: (history.get(id)?.seen ?? 0) + 1, last });
    }
  }
  return history;
}

/**
 * Starts a quiz for the viewer, or returns their unfinished attempt on the same scope (so a
 * double-clicked start, or starting again on another device, continues rather than duplicates).
 * A NOT_FOUND AppError for a lesson or sector that does not exist;
 * NothingToAskError when the scope has nothing to ask (no questions, or none of the kind asked
 * for): the caller explains that rather than failing.
 */
export async function startAttempt(viewer: SessionUser, input: { scope: QuizScope; scopeId: string; figuresOnly: boolean }): Promise<string> {
  const open = await db().attempt.findFirst({
    where: { userId: viewer.id, scope: input.scope, scopeId: input.scopeId, figuresOnly: input.figuresOnly, finishedAt: null },
    select: { id: true },
    orderBy: { startedAt: "desc" },
  });
  if (open) return open.id;
  const pool = await activeQuestions(viewer, input.scope, input.scopeId, await editorFor(viewer));
  if (pool.length === 0) {
    // An unknown lesson or sector is a wrong link (404); a known one without questions is explained.
    const known = input.scope === "lesson" ? await db().lesson.count({ where: { slug: input.scopeId, ...visibleLessonWhere(viewer) } }) : await db().sector.count({ where: { id: input.scopeId } });
    if (!known) throw new AppError("NOT_FOUND", input.scope === "lesson" ? "There is no such lesson." : "There is no such sector.");
    throw new NothingToAskError("There are no questions for this quiz yet.");
  }
  const seed = randomInt(1, 2 ** 31 - 1);
  const chosen = selectQuestions(pool, await historyOf(viewer.id, pool.map((q) => q.id)), {
    count: quizLength(input),
    seed,
    figuresOnly: input.figuresOnly,
  });
  if (chosen.length === 0) throw new NothingToAskError("There are no questions of that kind for this quiz yet.");
  const attempt = await db().attempt.create({
    data: { userId: viewer.id, scope: input.scope, scopeId: input.scopeId, figuresOnly: input.figuresOnly, seed, questionIds: JSON.stringify(chosen.map((q) => q.id)), totalCount: chosen.length },
    select: { id: true },
  });
  return attempt.id;
}

async function ownedAttempt(viewer: SessionUser, attemptId: string, client: Db | Tx = db()) {
  const attempt = await client.attempt.findUnique({
    where: { id: attemptId },
    select: { id: true, userId: true, scope: true, scopeId: true, seed: true, questionIds: true, finishedAt: true, startedAt: true, score: true, correctCount: true, totalCount: true, figuresOnly: true },
  });
  // Someone else's attempt is reported as missing: its existence is not the viewer's business.
  if (!attempt || attempt.userId !== viewer.id) throw new AppError("NOT_FOUND", "This quiz does not exist.");
  return { ...attempt, questionIds: JSON.parse(attempt.questionIds) as string[] };
}



/**
 * What an answer needs of its attempt, and whose question edits the student sees (editorFor's
 * rule), in one plain SQL statement: every quiz answer runs it (decisions/0027, 0043).
 */
async function attemptForAnswer(viewer: SessionUser, attemptId: string) {
  const [row] = await db().$queryRaw<{ id: string; userId: string; questionIds: string; finished: boolean | number | bigint; editorId: string | null }[]>`
    SELECT a."id", a."userId", a."questionIds", (a."finishedAt" IS NOT NULL) AS "finished",
      ${firstInstructorOf(Prisma.sql`a."userId"`)} AS "editorId"
    FROM "Attempt" a WHERE a."id" = ${attemptId}`;
  // Someone else's attempt is reported as missing: its existence is not the viewer's business.
  if (!row || row.userId !== viewer.id) throw new AppError("NOT_FOUND", "This quiz does not exist.");
  const editorId = editorOf(viewer, row.editorId);
  return { attempt: { id: row.id, questionIds: JSON.parse(row.questionIds) as string[], finishedAt: Number(row.finished) ? true : null }, editorId };
}

type EditColumns = { stem: string | null; explanation: string | null; options: string | null };

/**
 * The question being answered with the edits in force for `editorId`: the rows questionFieldsFor
 * reads (lib/server/data/question-rows.ts; change them together), in one plain SQL statement. The
 * Prisma read was three statements (the question, the bank's edit, the instructor's edit), each
 * planned again by the query compiler, on every answer (decisions/0046).
 */
async function questionForAnswer(questionId: string, editorId: string | null): Promise<QuestionRow> {
  const [row] = await db().$queryRaw<({ id: string; lessonSlug: string; payload: string; oId: string | null; eId: string | null } & { [K in `o${Capitalize<keyof EditColumns>}` | `e${Capitalize<keyof EditColumns>}`]: string | null })[]>`
    SELECT q."id", q."lessonSlug", q."payload",
      o."questionId" AS "oId", o."stem" AS "oStem", o."explanation" AS "oExplanation", o."options" AS "oOptions",
      e."questionId" AS "eId", e."stem" AS "eStem", e."explanation" AS "eExplanation", e."options" AS "eOptions"
    FROM "Question" q
    LEFT JOIN "QuestionOverride" o ON o."questionId" = q."id"
    LEFT JOIN "InstructorEdit" e ON e."questionId" = q."id" AND e."instructorId" = ${editorId}
    WHERE q."id" = ${questionId}`;
  // Never deleted (retired instead), so an attempt's question is always there.
  if (!row) throw new AppError("NOT_FOUND", "This question is not part of the quiz.");
  return {
    id: row.id,
    lessonSlug: row.lessonSlug,
    payload: row.payload,
    override: row.oId === null ? null : { stem: row.oStem, explanation: row.oExplanation, options: row.oOptions },
    instructorEdits: row.eId === null ? [] : [{ stem: row.eStem, explanation: row.eExplanation, options: row.eOptions }],
  };
}

/** What the attempt is a quiz on, as the student knows it: the lesson's title or the sector's name (in the reader's language). */
export async function attemptSubject(viewer: SessionUser, attemptId: string, locale: Locale = "en"): Promise<string | null> {
  const attempt = await db().attempt.findUnique({ where: { id: attemptId }, select: { userId: true, scope: true, scopeId: true } });
  if (!attempt || attempt.userId !== viewer.id) return null;
  if (attempt.scope === "lesson") return (await db().lesson.findUnique({ where: { slug: attempt.scopeId }, select: { title: true } }))?.title ?? null;
  const sector = await db().sector.findUnique({ where: { id: attempt.scopeId }, select: { nameEn: true, nameZh: true } });
  return sector ? sectorName(sector, locale) : null;
}

/** An attempt's questions (with the viewer's review edits applied) and the answers given so far, by question id. */
async function questionsAndAnswers(viewer: SessionUser, attemptId: string, questionIds: string[]) {
  const [rows, responses] = await Promise.all([
    db().question.findMany({ where: { id: { in: questionIds } }, select: questionFieldsFor(await editorFor(viewer)) }),
    db().response.findMany({ where: { attemptId }, select: { questionId: true, answer: true, correct: true, readAs: true } }),
  ]);
  return { byId: new Map(rows.map((r) => [r.id, parseQuestion(r)])), answered: new Map(responses.map((r) => [r.questionId, r])) };
}

/**
 * The quiz as the student sees it: unanswered questions carry no answer key; answered ones carry
 * the answer given and its feedback (so a reload or another device resumes exactly).
 */
export async function getAttemptView(viewer: SessionUser, attemptId: string): Promise<AttemptView> {
  const attempt = await ownedAttempt(viewer, attemptId);
  const { byId, answered } = await questionsAndAnswers(viewer, attempt.id, attempt.questionIds);
  return {
    id: attempt.id,
    scope: attempt.scope as QuizScope,
    scopeId: attempt.scopeId,
    finished: attempt.finishedAt !== null,
    questions: attempt.questionIds.flatMap((id) => {
      const q = byId.get(id);
      if (!q) return [];
      const r = answered.get(id);
      return [{ question: presentQuestion(q, attempt.seed), answered: r ? { answer: JSON.parse(r.answer) as Answer, feedback: feedbackFor(q, r.correct, r.readAs) } : null }];
    }),
  };
}

/**
 * Grades and records one answer. Idempotent: the first answer to a question in an attempt is the
 * one kept; a repeat (double click, second tab, retried request) gets that answer's feedback back.
 */
export async function submitResponse(
  viewer: SessionUser,
  input: { attemptId: string; questionId: string; answer: Answer; timeTakenMs: number },
): Promise<Feedback> {
  const { attempt, editorId } = await attemptForAnswer(viewer, input.attemptId);
  if (!attempt.questionIds.includes(input.questionId)) throw new AppError("NOT_FOUND", "This question is not part of the quiz.");
  const q = parseQuestion(await questionForAnswer(input.questionId, editorId));
  const kept = () => db().response.findUnique({ where: { attemptId_questionId: { attemptId: attempt.id, questionId: q.id } }, select: { correct: true, readAs: true } });
  if (attempt.finishedAt) {
    const existing = await kept();
    if (existing) return feedbackFor(q, existing.correct, existing.readAs);
    throw new AppError("CONFLICT", "This quiz is already finished.");
  }

  // No lookup first: the unique (attempt, question) index decides which answer is the first.
  const grade = gradeStoredQuestion(q, input.answer);
  try {
    await db().response.create({
      data: {
        attemptId: attempt.id,
        questionId: q.id,
        answer: JSON.stringify(input.answer),
        parsedValue: grade.parsedValue,
        readAs: grade.readAs,
        correct: grade.correct,
        timeTakenMs: Math.min(input.timeTakenMs, 60 * 60 * 1000),
      },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // A repeat, or a concurrent submit that won the race: report the answer that was kept.
    const first = (await kept())!;
    return feedbackFor(q, first.correct, first.readAs);
  }
  return feedbackFor(q, grade.correct, grade.readAs);
}

/**
 * Closes the attempt, stores its score (share correct of all its questions) and makes review cards
 * of the facts it missed, all in one transaction: a crash leaves either an open attempt (finishing
 * again completes it) or a finished one with its cards, never a finished one without. Idempotent.
 */
export async function finishAttempt(viewer: SessionUser, attemptId: string): Promise<void> {
  await inRetriedTransaction(async (tx) => {
    const attempt = await ownedAttempt(viewer, attemptId, tx);
    if (attempt.finishedAt) return;
    const now = new Date();
    const correctCount = await tx.response.count({ where: { attemptId, correct: true } });
    const closed = await tx.attempt.updateMany({
      where: { id: attemptId, finishedAt: null },
      data: { finishedAt: now, correctCount, score: attempt.totalCount ? correctCount / attempt.totalCount : 0 },
    });
    // A concurrent finish closed it first, and made the cards in its own transaction.
    if (closed.count === 0) return;
    await addCardsForMissedAnswers(tx, viewer.id, attemptId, now);
  });
}

export interface AttemptResult {
  id: string;
  scope: QuizScope;
  scopeId: string;
  finishedAt: Date | null;
  score: number | null;
  correctCount: number;
  totalCount: number;
  items: {
    questionId: string;
    stem: string;
    language: string;
    yourAnswer: string | null;
    /** Null for a question left unanswered: its key, explanation and source stay on the server. */
    feedback: Feedback | null;
  }[];
}

/** Describes the student's answer in words, for the results page. */
function describeAnswer(q: QuizQuestion, answer: Answer): string {
  const optionText = (id: string) => q.options?.find((o) => o.id === id)?.text ?? "—";
  switch (answer.kind) {
    case "option":
      return optionText(answer.optionId);
    case "typed":
      return answer.text;
    case "bool":
      return answer.value ? (q.language === "zh" ? "正确" : "True") : q.language === "zh" ? "错误" : "False";
    case "matching":
      return (q.pairs ?? []).map((p, i) => `${p.left} → ${optionText(answer.choices[i] ?? "")}`).join("; ");
    case "ordering":
      return answer.order.map(optionText).join(" → ");
  }
}

/**
 * Results of a finished attempt: every question with the answer given, and for answered questions
 * the key and the source. An unanswered question shows only its stem, so finishing blank quizzes
 * over and over collects no keys (issue 11, finding 2).
 */
export async function getAttemptResult(viewer: SessionUser, attemptId: string): Promise<AttemptResult> {
  const attempt = await ownedAttempt(viewer, attemptId);
  if (!attempt.finishedAt) throw new AppError("CONFLICT", "Finish the quiz to see the results.");
  const { byId, answered } = await questionsAndAnswers(viewer, attempt.id, attempt.questionIds);
  return {
    id: attempt.id,
    scope: attempt.scope as QuizScope,
    scopeId: attempt.scopeId,
    finishedAt: attempt.finishedAt,
    score: attempt.score,
    correctCount: attempt.correctCount,
    totalCount: attempt.totalCount,
    items: attempt.questionIds.flatMap((id) => {
      const q = byId.get(id);
      if (!q) return [];
      const r = answered.get(id);
      return [{ questionId: id, stem: q.stem, language: q.language, yourAnswer: r ? describeAnswer(q, JSON.parse(r.answer) as Answer) : null, feedback: r ? feedbackFor(q, r.correct, r.readAs) : null }];
    }),
  };
}

/** A student flags a question they were asked; one flag per student and question (the latest wins). */
export async function flagQuestion(viewer: SessionUser, input: { questionId: string; reason: string; comment?: string }): Promise<void> {
  const asked = await db().response.findFirst({ where: { questionId: input.questionId, attempt: { userId: viewer.id } }, select: { id: true } });
  if (!asked) throw new AppError("FORBIDDEN", "You can flag a question after answering it.");
  await db().questionFlag.upsert({
    where: { userId_questionId: { userId: viewer.id, questionId: input.questionId } },
    create: { userId: viewer.id, questionId: input.questionId, reason: input.reason, comment: input.comment || null },
    update: { reason: input.reason, comment: input.comment || null, createdAt: new Date() },
  });
}
