import "server-only";
import { randomInt } from "node:crypto";
import { db, type Db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { sessionUserColumns, sessionUserOf, type SessionUser, type SessionUserColumns } from "@/lib/server/data/users";
import type { SessionClaims } from "@/lib/server/auth/session";
import { newId } from "@/lib/server/data/new-id";
import type { Answer } from "@/lib/schemas/answer";
import { selectQuestions, type QuestionHistory } from "@/lib/quiz/select-questions";
import { quizLength } from "@/lib/quiz/quiz-capacity";
import { visibleLessonWhere } from "@/lib/server/data/visibility";
import { activeQuestions } from "@/lib/server/data/quiz-offers";
import { presentQuestion } from "@/lib/quiz/present-question";
import type { AttemptView, Feedback, QuizQuestion } from "@/lib/quiz/question";
import { addCardsForMissedAnswers } from "@/lib/server/data/review";
import { inRetriedTransaction, type Tx } from "@/lib/server/data/retry-transaction";
import { editedQuestionColumns, editedQuestionJoins, feedbackFor, gradeStoredQuestion, parseQuestion, questionFieldsFor, questionRowOf, type EditedQuestionColumns } from "@/lib/server/data/question-rows";

type Nullable<T> = { [K in keyof T]: T[K] | null };
import { editorFor, editorOfSql } from "@/lib/server/data/question-editor";
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
 * Everything a quiz answer reads, in one plain SQL statement (decisions/0050; before: 0027, 0043,
 * 0046): the session's user row (sessionUserColumns, checked by sessionUserOf), the attempt if it
 * is that user's, the question with the edits in force for the user's editor (editorOfSql: the
 * rows questionFieldsFor reads, lib/server/data/question-rows.ts; change them together), and the
 * answer already kept for this attempt and question, if any.
 */
async function answerContext(userId: string, attemptId: string, questionId: string) {
  const [row] = await db().$queryRaw<(SessionUserColumns & { attemptId: string | null; questionIds: string | null; finished: boolean | number | bigint | null } & Nullable<EditedQuestionColumns> & { keptCorrect: boolean | number | bigint | null; keptReadAs: string | null })[]>`
    SELECT ${sessionUserColumns("u")},
      a."id" AS "attemptId", a."questionIds", (a."finishedAt" IS NOT NULL) AS "finished",
      ${editedQuestionColumns},
      r."correct" AS "keptCorrect", r."readAs" AS "keptReadAs"
    FROM "User" u
    LEFT JOIN "Attempt" a ON a."id" = ${attemptId} AND a."userId" = u."id"
    LEFT JOIN "Question" q ON q."id" = ${questionId}
    ${editedQuestionJoins(editorOfSql("u"))}
    LEFT JOIN "Response" r ON r."attemptId" = a."id" AND r."questionId" = q."id"
    WHERE u."id" = ${userId}`;
  return row;
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
 * Grades and keeps a student's answer, once: a repeated or concurrent submit of the same question
 * gets the feedback of the answer kept first. `who` is a checked SessionUser, or the claims of a
 * session cookie (the route's case), which the same statement checks against the user's row: a
 * missing user or an ended session is UNAUTHENTICATED.
 */
export async function submitResponse(
  who: SessionUser | SessionClaims,
  input: { attemptId: string; questionId: string; answer: Answer; timeTakenMs: number },
): Promise<Feedback> {
  const row = await answerContext(who.id, input.attemptId, input.questionId);
  const viewer = "sessionVersion" in who ? sessionUserOf(row, who.sessionVersion) : row?.sessionUserId ? who : null;
  if (!viewer || !row) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again to continue.");
  // Someone else's attempt is reported as missing (the join takes only the user's): its existence is not the viewer's business.
  if (!row.attemptId) throw new AppError("NOT_FOUND", "This quiz does not exist.");
  // Questions are never deleted (retired instead), so an attempt's question is always there.
  if (!(JSON.parse(row.questionIds!) as string[]).includes(input.questionId) || !row.qId) throw new AppError("NOT_FOUND", "This question is not part of the quiz.");
  const q = parseQuestion(questionRowOf(row as EditedQuestionColumns));
  const kept = row.keptCorrect === null ? null : { correct: Boolean(Number(row.keptCorrect)), readAs: row.keptReadAs };
  if (Number(row.finished)) {
    if (kept) return feedbackFor(q, kept.correct, kept.readAs);
    throw new AppError("CONFLICT", "This quiz is already finished.");
  }
  // Graded before the repeat is answered, as before: an answer of the wrong shape is refused either way.
  const grade = gradeStoredQuestion(q, input.answer);
  if (kept) return feedbackFor(q, kept.correct, kept.readAs);

  // No lookup first: the unique (attempt, question) index decides which answer is the first.
  const inserted = await db().$executeRaw`
    INSERT INTO "Response" ("id", "attemptId", "questionId", "answer", "parsedValue", "readAs", "correct", "timeTakenMs", "createdAt")
    VALUES (${newId()}, ${row.attemptId}, ${q.id}, ${JSON.stringify(input.answer)}, ${storableValue(grade.parsedValue)}, ${grade.readAs}, ${grade.correct}, ${Math.min(input.timeTakenMs, 60 * 60 * 1000)}, ${new Date()})
    ON CONFLICT ("attemptId", "questionId") DO NOTHING`;
  if (inserted === 0) {
    // A concurrent submit won the race: report the answer it kept.
    const first = (await db().response.findUnique({ where: { attemptId_questionId: { attemptId: row.attemptId, questionId: q.id } }, select: { correct: true, readAs: true } }))!;
    return feedbackFor(q, first.correct, first.readAs);
  }
  return feedbackFor(q, grade.correct, grade.readAs);
}

/**
 * A typed answer's value as a raw-query parameter. Prisma sends a whole number as a 64-bit integer
 * and refuses one it cannot read back exactly (a student typing 7546000001300000000 got a 500):
 * a whole number beyond the exact ones (2^53) is kept as null. The answer's text is stored as typed, and it was graded already.
 */
function storableValue(value: number | null): number | null {
  return value !== null && Number.isInteger(value) && !Number.isSafeInteger(value) ? null : value;
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
