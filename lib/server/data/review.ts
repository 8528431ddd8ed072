import { visibleLessonWhere } from "@/lib/server/data/visibility";
import "server-only";
import { db, type Db } from "@/lib/server/db";
import { AppError, isUniqueViolation } from "@/lib/server/errors";
import { sessionUserColumns, sessionUserOf, type SessionUser, type SessionUserColumns } from "@/lib/server/data/users";
import type { SessionClaims } from "@/lib/server/auth/session";
import { visibleLessonSql } from "@/lib/server/data/visibility";
import { newId } from "@/lib/server/data/new-id";
import { validTimeZone } from "@/lib/time-zone";
import { Prisma } from "@/lib/generated/prisma/sqlite/client";
import { resolveDatabase } from "@/lib/database-url";
import type { Feedback, PresentedQuestion } from "@/lib/quiz/question";
import { presentQuestion } from "@/lib/quiz/present-question";
import { factIdsMissed, factsOf, inReadingOrder, type Fact } from "@/lib/review/facts";
import { lessonBodySchema } from "@/lib/schemas/lesson";
import { questionForReview, reviewSeed } from "@/lib/review/formats";
import { dayStart } from "@/lib/review/queue";
import { DEFAULT_RETENTION, elapsedDays, parseCard, ratingFor, ratingsAllowed, reviewCard, serializeCard, type CardState } from "@/lib/review/scheduler";
import { effectiveReviews } from "@/lib/review/stats";
import type { ReviewAnswerInput, ReviewSettingsInput } from "@/lib/schemas/review";
import { inChunks } from "@/lib/server/data/in-chunks";
import { inRetriedTransaction, type Tx } from "@/lib/server/data/retry-transaction";
import { activeFor, activeQuestionSql, editedQuestionColumns, editedQuestionJoins, feedbackFor, gradeStoredQuestion, parseQuestion, questionRowOf, type EditedQuestionColumns } from "@/lib/server/data/question-rows";

type Nullable<T> = { [K in keyof T]: T[K] | null };
import { editorFor, editorOf, firstInstructorOf } from "@/lib/server/data/question-editor";
import { parametersOf } from "@/lib/server/data/review-fit";


export const DEFAULT_NEW_CARDS_PER_DAY = 20;

/** Long intervals are fuzzed in a real deployment; tests run unfuzzed so schedules are exact. */
const FUZZ = process.env.NODE_ENV === "production";

// ─── Settings ───

export async function getReviewSettings(viewer: SessionUser): Promise<ReviewSettingsInput> {
  const row = await db().reviewSettings.findUnique({ where: { userId: viewer.id }, select: { desiredRetention: true, newCardsPerDay: true } });
  return row ?? { desiredRetention: DEFAULT_RETENTION, newCardsPerDay: DEFAULT_NEW_CARDS_PER_DAY };
}

export async function saveReviewSettings(viewer: SessionUser, input: ReviewSettingsInput): Promise<void> {
  await db().reviewSettings.upsert({ where: { userId: viewer.id }, create: { userId: viewer.id, ...input }, update: input });
}

// ─── Card creation ───

/**
 * Creates the cards a learner does not have yet, in the caller's transaction. A card a concurrent
 * transaction created first fails the insert with a unique violation, and inRetriedTransaction's
 * next try skips it.
 */
async function createCards(tx: Tx, userId: string, facts: (Fact & { position?: number })[], origin: "lesson" | "wrong-answer", now: Date): Promise<number> {
  if (facts.length === 0) return 0;
  const existing = new Set(
    (await inChunks(facts.map((f) => f.factId), (ids) => tx.reviewCard.findMany({ where: { userId, factId: { in: ids } }, select: { factId: true } }))).map((c) => c.factId),
  );
  const missing = facts.filter((f) => !existing.has(f.factId));
  if (missing.length === 0) return 0;
  // One batch shares one creation time, so the queue orders it by position (reading order).
  await tx.reviewCard.createMany({
    data: missing.map((f) => ({ userId, factId: f.factId, lessonSlug: f.lessonSlug, sectorIds: JSON.stringify(f.sectorIds), origin, position: f.position ?? 0, createdAt: now, due: now })),
  });
  return missing.length;
}

const factFields = { id: true, lessonSlug: true, type: true, factId: true, sourceSentenceId: true, sectors: { select: { sectorId: true } } } as const;
type FactRow = { id: string; lessonSlug: string; type: string; factId: string | null; sourceSentenceId: string; sectors: { sectorId: string }[] };
const toFactQuestion = (q: FactRow) => ({ ...q, sectorIds: q.sectors.map((s) => s.sectorId) });

/**
 * "I have studied this lesson": a card for each of its facts (new cards; the daily limit paces them),
 * review-only questions included: a fact whose every format the per-sentence cap left out of
 * quizzes is still a fact of the lesson, checked like the others (decisions/0039).
 */
export async function studyLesson(viewer: SessionUser, lessonSlug: string, now: Date): Promise<{ added: number; total: number }> {
  const lesson = await db().lesson.findFirst({ where: { slug: lessonSlug, ...visibleLessonWhere(viewer) }, select: { body: true } });
  if (!lesson) throw new AppError("NOT_FOUND", "This lesson does not exist.");
  const questions = await db().question.findMany({ where: { ...activeFor(await editorFor(viewer), visibleLessonWhere(viewer), { forReview: true }), lessonSlug, factId: { not: null } }, select: factFields, orderBy: { id: "asc" } });
  const sentenceOrder = lessonBodySchema.parse(JSON.parse(lesson.body)).sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences.map((x) => x.id)));
  const facts = inReadingOrder(factsOf(questions.map(toFactQuestion)), sentenceOrder);
  const added = await inRetriedTransaction((tx) => createCards(tx, viewer.id, facts, "lesson", now));
  return { added, total: facts.length };
}

/**
 * A fact missed in a finished quiz becomes a card (ahead of lesson cards in the new-card queue).
 * Runs in the transaction that finishes the quiz, so the two commit together (issue 11, finding 10).
 */
export async function addCardsForMissedAnswers(tx: Tx, userId: string, attemptId: string, now: Date): Promise<number> {
  const responses = await tx.response.findMany({ where: { attemptId, correct: false }, select: { questionId: true, correct: true } });
  if (responses.length === 0) return 0;
  const questions = await tx.question.findMany({ where: { id: { in: responses.map((r) => r.questionId) }, factId: { not: null } }, select: factFields });
  const missed = new Set(factIdsMissed(responses, questions.map(toFactQuestion)));
  return createCards(tx, userId, factsOf(questions.map(toFactQuestion)).filter((f) => missed.has(f.factId)), "wrong-answer", now);
}

// ─── The review session ───

export interface ReviewFilter {
  lessonSlug?: string;
  sectorId?: string;
}

export interface ReviewSession {
  due: number;
  newToday: number;
  totalCards: number;
  /** When the earliest card not yet due falls due; only read when no card is shown (null otherwise). */
  nextDueAt: Date | null;
  card: null | { id: string; version: number; isNew: boolean; lessonSlug: string; question: PresentedQuestion };
  /** The review "undo" would cancel: the learner's latest review still in force. */
  undoable: null | { logId: string; stem: string; language: string };
  /** False until the browser has reported the learner's time zone (decisions/0040). */
  timeZoneKnown: boolean;
}

const cardStateFields = { due: true, stability: true, difficulty: true, scheduledDays: true, learningSteps: true, reps: true, lapses: true, state: true, lastReview: true } as const;

function cardStateOf(row: CardState): CardState {
  return { due: row.due, stability: row.stability, difficulty: row.difficulty, scheduledDays: row.scheduledDays, learningSteps: row.learningSteps, reps: row.reps, lapses: row.lapses, state: row.state, lastReview: row.lastReview };
}

/**
 * The fact's active questions, review-only ones included (decisions/0039), with the reader's
 * review edits applied (editorId: see editorFor). One plain SQL statement (decisions/0050): the
 * rule is activeQuestionSql, activeFor's twin; only the question a review asks is parsed.
 */
async function factQuestions(viewer: Pick<SessionUser, "id" | "role">, factId: string, editorId: string | null) {
  const rows = await db().$queryRaw<(EditedQuestionColumns & { type: string })[]>`
    SELECT ${editedQuestionColumns}, q."type" FROM "Question" q ${editedQuestionJoins(Prisma.sql`${editorId}`)}
    WHERE q."factId" = ${factId} AND ${activeQuestionSql(editorId, viewer, "q", { forReview: true })}`;
  return rows.map((r) => ({ id: r.qId, type: r.type as PresentedQuestion["type"], row: r }));
}

/** The question questionForReview chose among factQuestions, parsed with its edits. */
const parsedReviewQuestion = (chosen: { type: PresentedQuestion["type"]; row: EditedQuestionColumns }) => ({ ...parseQuestion(questionRowOf(chosen.row)), type: chosen.type });

/**
 * After reviewContext, in one plain SQL statement (decisions/0050): how many new cards the learner
 * introduced today (reviews of new cards still in force; today starts at midnight in the learner's
 * zone, decisions/0040) and the latest review still in force, which undo would cancel, with its
 * question's edits for the stem. A review is in force while no undo row names it; an undo is always
 * later than its review, so one of today's reviews is only ever undone today.
 */
async function reviewLogs(userId: string, now: Date, timeZone: string | null, editorId: string | null) {
  const [row] = await db().$queryRaw<({ introduced: number | bigint; logId: string | null } & Nullable<EditedQuestionColumns>)[]>`
    SELECT (SELECT COUNT(*) FROM "ReviewLog" t WHERE t."userId" = ${userId} AND t."reviewedAt" >= ${dayStart(now, timeZone ?? "UTC")} AND t."kind" = 'review' AND t."stateBefore" = 0
        AND NOT EXISTS (SELECT 1 FROM "ReviewLog" x WHERE x."undoesId" = t."id")) AS "introduced",
      lr."id" AS "logId", ${editedQuestionColumns}
    FROM (SELECT 1 AS "one") one
    LEFT JOIN (SELECT l."id", l."questionId" FROM "ReviewLog" l WHERE l."userId" = ${userId} AND l."kind" = 'review'
        AND NOT EXISTS (SELECT 1 FROM "ReviewLog" x WHERE x."undoesId" = l."id") ORDER BY l."reviewedAt" DESC, l."id" DESC LIMIT 1) lr ON 1 = 1
    LEFT JOIN "Question" q ON q."id" = lr."questionId"
    ${editedQuestionJoins(Prisma.sql`${editorId}`)}`;
  const undoable: ReviewSession["undoable"] = row?.logId ? { logId: row.logId, stem: "", language: "en" } : null;
  if (undoable && row?.qId) {
    const parsed = parseQuestion(questionRowOf(row as EditedQuestionColumns));
    Object.assign(undoable, { stem: parsed.stem, language: parsed.language });
  }
  return { introduced: Number(row?.introduced ?? 0), undoable };
}

/**
 * What a review page needs before it can pick a card, in one plain SQL statement (decisions/0048,
 * 0050): the session's user row (checked as findSessionUser does when `who` is a cookie's claims),
 * the learner's time zone, settings and instructor (editorFor), and the counts of the filter's
 * cards (all, new, due). Each count is an index search (ReviewCard (userId, state, due) or
 * (userId, lessonSlug, state, due), decisions/0045).
 */
async function reviewContext(who: SessionUser | SessionClaims, filter: ReviewFilter, now: Date) {
  const [row] = await db().$queryRaw<
    (SessionUserColumns & { timeZone: string | null; desiredRetention: number | null; newCardsPerDay: number | bigint | null; firstInstructor: string | null; total: number | bigint; fresh: number | bigint; due: number | bigint })[]
  >`SELECT ${sessionUserColumns("u")}, u."timeZone", s."desiredRetention", s."newCardsPerDay", ${firstInstructorOf(Prisma.sql`u."id"`)} AS "firstInstructor",
      (SELECT COUNT(*) FROM "ReviewCard" c WHERE ${cardsInScopeSql(filter, Prisma.sql`u."id"`)}) AS "total",
      (SELECT COUNT(*) FROM "ReviewCard" c WHERE ${cardsInScopeSql(filter, Prisma.sql`u."id"`)} AND c."state" = 0) AS "fresh",
      (SELECT COUNT(*) FROM "ReviewCard" c WHERE ${cardsInScopeSql(filter, Prisma.sql`u."id"`)} AND c."state" > 0 AND c."due" <= ${now}) AS "due"
    FROM "User" u LEFT JOIN "ReviewSettings" s ON s."userId" = u."id" WHERE u."id" = ${who.id}`;
  const viewer = "sessionVersion" in who ? sessionUserOf(row, who.sessionVersion) : who;
  if (!viewer) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again to continue.");
  return {
    viewer,
    timeZone: validTimeZone(row?.timeZone),
    newCardsPerDay: row?.newCardsPerDay == null ? DEFAULT_NEW_CARDS_PER_DAY : Number(row.newCardsPerDay),
    editorId: editorOf(viewer, row?.firstInstructor ?? null),
    total: Number(row?.total ?? 0),
    fresh: Number(row?.fresh ?? 0),
    due: Number(row?.due ?? 0),
  };
}

/**
 * cardsInScope as SQL on `"ReviewCard" c` (for the statement above). The sector is an exact,
 * case-sensitive match of the quoted id in the JSON list, as `contains` is on PostgreSQL.
 */
function cardsInScopeSql(filter: ReviewFilter, userId: Prisma.Sql): Prisma.Sql {
  const lesson = filter.lessonSlug ? Prisma.sql` AND c."lessonSlug" = ${filter.lessonSlug}` : Prisma.empty;
  const find = resolveDatabase().provider === "postgresql" ? Prisma.raw("strpos") : Prisma.raw("instr");
  const sector = filter.sectorId ? Prisma.sql` AND ${find}(c."sectorIds", ${JSON.stringify(filter.sectorId)}) > 0` : Prisma.empty;
  return Prisma.sql`c."userId" = ${userId}${lesson}${sector}`;
}

const LOG_PAGE = 20;

/**
 * The latest review of the learner still in force, which undo would cancel. Read newest first, a
 * page at a time: an undo is always later than the review it cancels, so the pages already read
 * hold every undo of the rows in the next one.
 */
async function latestReview(viewer: SessionUser, client: Db | Tx = db()) {
  const undone = new Set<string>();
  for (let skip = 0; ; skip += LOG_PAGE) {
    const page = await client.reviewLog.findMany({
      where: { userId: viewer.id },
      orderBy: [{ reviewedAt: "desc" }, { id: "desc" }],
      skip,
      take: LOG_PAGE,
      select: { id: true, kind: true, undoesId: true, reviewedAt: true, rating: true, stateBefore: true, elapsedDays: true, questionId: true },
    });
    for (const l of page) if (l.kind === "undo" && l.undoesId) undone.add(l.undoesId);
    const inForce = page.find((l) => l.kind === "review" && !undone.has(l.id));
    if (inForce) return inForce;
    if (page.length < LOG_PAGE) return null;
  }
}

const CARD_PAGE = 20;

/**
 * What the review page shows: counts, and the next card's question without its answer key. Reads
 * only that: the counts are counted by the database, and the queue is read in order a page at a
 * time until a card with a question turns up (indexes: ReviewCard (userId, state, due)). The order
 * is summarizeQueue's: due cards oldest due first, then new cards while today's allowance lasts.
 * Four plain SQL statements when the first card has a question (decisions/0050): reviewContext,
 * reviewLogs, a queue page and the card's questions. `who`: a checked user, or a session cookie's
 * claims, which reviewContext checks against the user's row (UNAUTHENTICATED when they do not match).
 */
export async function getReviewSession(who: SessionUser | SessionClaims, filter: ReviewFilter, now: Date): Promise<ReviewSession & { viewer: SessionUser }> {
  const context = await reviewContext(who, filter, now);
  const { viewer, editorId, due, fresh, total: totalCards } = context;
  const { introduced, undoable } = await reviewLogs(viewer.id, now, context.timeZone, editorId);
  const newToday = Math.max(0, Math.min(fresh, context.newCardsPerDay - introduced));
  const scope = cardsInScopeSql(filter, Prisma.sql`${viewer.id}`);

  // A card whose fact lost all its questions (retired) is skipped, not shown broken.
  let card: ReviewSession["card"] = null;
  const queues = [
    { where: Prisma.sql`${scope} AND c."state" > 0 AND c."due" <= ${now}`, orderBy: Prisma.sql`c."due", c."id"`, limit: due },
    // "wrong-answer" sorts after "lesson": descending puts missed facts first.
    { where: Prisma.sql`${scope} AND c."state" = 0`, orderBy: Prisma.sql`c."origin" DESC, c."createdAt", c."position", c."factId"`, limit: newToday > 0 ? fresh : 0 },
  ];
  for (const queue of queues) {
    for (let skip = 0; !card && skip < queue.limit; skip += CARD_PAGE) {
      const page = await db().$queryRaw<{ id: string; factId: string; lessonSlug: string; state: number | bigint; reps: number | bigint; version: number | bigint }[]>`
        SELECT c."id", c."factId", c."lessonSlug", c."state", c."reps", c."version" FROM "ReviewCard" c WHERE ${queue.where} ORDER BY ${queue.orderBy} LIMIT ${Math.min(CARD_PAGE, queue.limit - skip)} OFFSET ${skip}`;
      for (const chosen of page) {
        const reps = Number(chosen.reps);
        const picked = questionForReview(await factQuestions(viewer, chosen.factId, editorId), chosen.id, reps);
        if (!picked) continue;
        card = { id: chosen.id, version: Number(chosen.version), isNew: Number(chosen.state) === 0, lessonSlug: chosen.lessonSlug, question: presentQuestion(parsedReviewQuestion(picked), reviewSeed(chosen.id, reps)) };
        break;
      }
      if (page.length === 0) break;
    }
    if (card) break;
  }
  // Only shown when nothing is waiting ("the next card is due in about … minutes").
  let nextDueAt: Date | null = null;
  if (!card) {
    const [next] = await db().$queryRaw<{ due: Date | string | number | null }[]>`SELECT MIN(c."due") AS "due" FROM "ReviewCard" c WHERE ${scope} AND c."state" > 0 AND c."due" > ${now}`;
    nextDueAt = next?.due == null ? null : new Date(next.due);
  }
  return { viewer, due, newToday, totalCards, nextDueAt, card, undoable, timeZoneKnown: context.timeZone !== null };
}

/** The learner's part of the review page, as /api/review/session sends it (docs/decisions/0045). */
export interface ReviewPageData {
  due: number;
  newToday: number;
  totalCards: number;
  /** When nothing is waiting: minutes until the next card falls due (at least 1), null if none is scheduled. */
  minutesToNext: number | null;
  /** The next card's question, without its answer key. */
  card: null | { id: string; version: number; isNew: boolean; question: PresentedQuestion };
  undoable: ReviewSession["undoable"];
  /** The filters' lists; null when the page asked without them (it keeps those it has). */
  filters: Awaited<ReturnType<typeof getReviewFilters>> | null;
  /** False until the browser has reported the learner's time zone (decisions/0040). */
  timeZoneKnown: boolean;
}

/**
 * `withFilters: false` for "Next card": the page keeps the lists it got with its first card
 * (decisions/0048), and the learner's cards only gain lessons when the page is loaded again.
 */
export async function getReviewPage(who: SessionUser | SessionClaims, filter: ReviewFilter, now: Date, options: { withFilters?: boolean } = {}): Promise<ReviewPageData> {
  const session = await getReviewSession(who, filter, now);
  const filters = options.withFilters === false ? null : await getReviewFilters(session.viewer);
  const card = session.card && { id: session.card.id, version: session.card.version, isNew: session.card.isNew, question: session.card.question };
  const minutesToNext = session.nextDueAt ? Math.max(1, Math.ceil((session.nextDueAt.getTime() - now.getTime()) / 60_000)) : null;
  return { due: session.due, newToday: session.newToday, totalCards: session.totalCards, minutesToNext, card, undoable: session.undoable, filters, timeZoneKnown: session.timeZoneKnown };
}

export interface ReviewAnswerResult {
  logId: string;
  feedback: Feedback;
  /** 1 Again, 2 Hard, 3 Good, 4 Easy: the rating recorded, and those the learner may switch to. */
  rating: number;
  ratingsAllowed: number[];
  nextDue: Date;
}

class StaleCard extends Error {}

/**
 * What grading a review needs besides the card, in one plain SQL statement (decisions/0048): the
 * learner's settings (getReviewSettings), instructor (editorFor) and FSRS parameters
 * (schedulingParameters).
 */
async function schedulingContext(viewer: SessionUser) {
  const [row] = await db().$queryRaw<{ desiredRetention: number | null; newCardsPerDay: number | bigint | null; firstInstructor: string | null; parameters: string | null; useDefaults: boolean | number | bigint | null }[]>`
    SELECT s."desiredRetention", s."newCardsPerDay", ${firstInstructorOf(Prisma.sql`u."id"`)} AS "firstInstructor", p."parameters", p."useDefaults"
    FROM "User" u LEFT JOIN "ReviewSettings" s ON s."userId" = u."id" LEFT JOIN "ReviewParameters" p ON p."userId" = u."id" WHERE u."id" = ${viewer.id}`;
  return {
    settings: {
      desiredRetention: row?.desiredRetention == null ? DEFAULT_RETENTION : Number(row.desiredRetention),
      newCardsPerDay: row?.newCardsPerDay == null ? DEFAULT_NEW_CARDS_PER_DAY : Number(row.newCardsPerDay),
    },
    editorId: editorOf(viewer, row?.firstInstructor ?? null),
    parameters: parametersOf(row ?? null),
  };
}

/**
 * What grading a review reads, in one plain SQL statement (decisions/0050): the session's user
 * row (checked as findSessionUser does when `who` is a cookie's claims), schedulingContext's
 * settings, instructor and FSRS parameters, and the card if it is that user's.
 */
async function answeringContext(who: SessionUser | SessionClaims, cardId: string) {
  const [row] = await db().$queryRaw<
    (SessionUserColumns & { desiredRetention: number | null; newCardsPerDay: number | bigint | null; firstInstructor: string | null; parameters: string | null; useDefaults: boolean | number | bigint | null } & {
      cardId: string | null; factId: string; version: number | bigint; due: Date; stability: number; difficulty: number; scheduledDays: number | bigint; learningSteps: number | bigint; reps: number | bigint; lapses: number | bigint; state: number | bigint; lastReview: Date | null;
    })[]
  >`SELECT ${sessionUserColumns("u")}, s."desiredRetention", s."newCardsPerDay", ${firstInstructorOf(Prisma.sql`u."id"`)} AS "firstInstructor", p."parameters", p."useDefaults",
      c."id" AS "cardId", c."factId", c."version", c."due", c."stability", c."difficulty", c."scheduledDays", c."learningSteps", c."reps", c."lapses", c."state", c."lastReview"
    FROM "User" u LEFT JOIN "ReviewSettings" s ON s."userId" = u."id" LEFT JOIN "ReviewParameters" p ON p."userId" = u."id"
    LEFT JOIN "ReviewCard" c ON c."id" = ${cardId} AND c."userId" = u."id"
    WHERE u."id" = ${who.id}`;
  const viewer = "sessionVersion" in who ? sessionUserOf(row, who.sessionVersion) : who;
  if (!viewer) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again to continue.");
  const card = row?.cardId
    ? {
        id: row.cardId,
        factId: row.factId,
        version: Number(row.version),
        due: new Date(row.due),
        stability: Number(row.stability),
        difficulty: Number(row.difficulty),
        scheduledDays: Number(row.scheduledDays),
        learningSteps: Number(row.learningSteps),
        reps: Number(row.reps),
        lapses: Number(row.lapses),
        state: Number(row.state),
        lastReview: row.lastReview === null ? null : new Date(row.lastReview),
      }
    : null;
  return {
    viewer,
    settings: { desiredRetention: row?.desiredRetention == null ? DEFAULT_RETENTION : Number(row.desiredRetention) },
    editorId: editorOf(viewer, row?.firstInstructor ?? null),
    parameters: parametersOf(row ?? null),
    card,
  };
}

/**
 * Grades a review answer, reschedules the card and logs the review, all in one transaction. The
 * answer names the card version it was shown: a repeated or concurrent submit records one review
 * and gets that review's result back. `who`: a checked user, or a session cookie's claims, checked
 * against the user's row in the statement that reads the card (UNAUTHENTICATED when they do not match).
 */
export async function answerReview(who: SessionUser | SessionClaims, input: ReviewAnswerInput, now: Date): Promise<ReviewAnswerResult> {
  // Everything is read before the transaction, which holds a pooled connection for its two writes
  // only (with 50 learners on a pool of 10, a transaction that also read waited past Prisma's 2 s,
  // P2028). The card's version makes this safe: the update applies only if the card is still at
  // the version read, so the state the review was computed from is the state it replaces.
  const { viewer, settings, editorId, parameters, card } = await answeringContext(who, input.cardId);
  try {
    // Someone else's card is reported as missing (the statement reads only the viewer's).
    if (!card) throw new AppError("NOT_FOUND", "This review card does not exist.");
    if (card.version !== input.version) throw new StaleCard();
    const picked = questionForReview(await factQuestions(viewer, card.factId, editorId), card.id, card.reps);
    if (!picked || picked.id !== input.questionId) throw new AppError("CONFLICT", "This card now asks another question: reload the page.");
    const question = parsedReviewQuestion(picked);
    const grade = gradeStoredQuestion(question, input.answer);
    const before = cardStateOf(card);
    const rating = ratingFor(grade.correct);
    const after = reviewCard(before, rating, now, { desiredRetention: settings.desiredRetention, fuzz: FUZZ, parameters });
    // The two writes as plain SQL (decisions/0050): the query compiler's planning of an update and
    // an insert cost more than the writes themselves. The same columns Prisma wrote.
    const logId = newId();
    return await db().$transaction(async (tx) => {
      const moved = await tx.$executeRaw`
        UPDATE "ReviewCard" SET "due" = ${after.due}, "stability" = ${after.stability}, "difficulty" = ${after.difficulty}, "scheduledDays" = ${after.scheduledDays},
          "learningSteps" = ${after.learningSteps}, "reps" = ${after.reps}, "lapses" = ${after.lapses}, "state" = ${after.state}, "lastReview" = ${after.lastReview}, "version" = "version" + 1
        WHERE "id" = ${card.id} AND "version" = ${input.version}`;
      if (moved === 0) throw new StaleCard();
      await tx.$executeRaw`
        INSERT INTO "ReviewLog" ("id", "cardId", "userId", "kind", "questionId", "format", "answer", "correct", "rating", "stateBefore", "stateAfter", "cardBefore", "cardAfter", "elapsedDays", "scheduledDays", "durationMs", "reviewedAt")
        VALUES (${logId}, ${card.id}, ${viewer.id}, 'review', ${question.id}, ${question.type}, ${JSON.stringify(input.answer)}, ${grade.correct}, ${rating}, ${before.state}, ${after.state},
          ${serializeCard(before)}, ${serializeCard(after)}, ${elapsedDays(before, now)}, ${after.scheduledDays}, ${Math.min(input.durationMs, 60 * 60 * 1000)}, ${now})`;
      const log = { id: logId };
      return { logId: log.id, feedback: feedbackFor(question, grade.correct, grade.readAs), rating, ratingsAllowed: ratingsAllowed(grade.correct), nextDue: after.due };
    });
  } catch (error) {
    if (!(error instanceof StaleCard)) throw error;
    return repeatedAnswer(viewer, input);
  }
}

/** The result of the review that already answered this card at this version (a repeat or a race). */
async function repeatedAnswer(viewer: SessionUser, input: ReviewAnswerInput): Promise<ReviewAnswerResult> {
  const logs = await db().reviewLog.findMany({
    where: { cardId: input.cardId, userId: viewer.id },
    orderBy: { reviewedAt: "desc" },
    take: 20,
    select: { id: true, kind: true, undoesId: true, reviewedAt: true, rating: true, stateBefore: true, elapsedDays: true, questionId: true, correct: true, cardAfter: true, answer: true },
  });
  const last = effectiveReviews(logs)[0];
  if (!last || last.questionId !== input.questionId) throw new AppError("CONFLICT", "This card was already reviewed: reload the page.");
  const found = (await factQuestions(viewer, (await db().reviewCard.findUniqueOrThrow({ where: { id: input.cardId }, select: { factId: true } })).factId, await editorFor(viewer))).find((q) => q.id === last.questionId);
  const question = found && parsedReviewQuestion(found);
  if (!question) throw new AppError("CONFLICT", "This card was already reviewed: reload the page.");
  const readAs = question.type === "figure-typed" ? gradeStoredQuestion(question, JSON.parse(last.answer!)).readAs : null;
  return { logId: last.id, feedback: feedbackFor(question, !!last.correct, readAs), rating: last.rating!, ratingsAllowed: ratingsAllowed(!!last.correct), nextDue: parseCard(last.cardAfter).due };
}

/** Restores the card to its state before the review and appends an undo row (the review row stays). */
async function cancelReview(tx: Tx, review: { id: string; cardId: string; cardBefore: string; cardAfter: string }, viewer: SessionUser, now: Date) {
  const card = await tx.reviewCard.findUniqueOrThrow({ where: { id: review.cardId }, select: { ...cardStateFields, version: true } });
  // Only the card's own latest review can be undone: its state must still be what that review left.
  if (serializeCard(cardStateOf(card)) !== review.cardAfter) throw new AppError("CONFLICT", "This review can no longer be undone.");
  const before = parseCard(review.cardBefore);
  const moved = await tx.reviewCard.updateMany({ where: { id: review.cardId, version: card.version }, data: { ...before, version: { increment: 1 } } });
  if (moved.count === 0) throw new AppError("CONFLICT", "This review can no longer be undone.");
  const after = parseCard(review.cardAfter);
  await tx.reviewLog.create({
    data: { cardId: review.cardId, userId: viewer.id, kind: "undo", undoesId: review.id, stateBefore: after.state, stateAfter: before.state, cardBefore: review.cardAfter, cardAfter: review.cardBefore, elapsedDays: 0, scheduledDays: before.scheduledDays, reviewedAt: now },
  });
  return before;
}

/** Undoes the learner's latest review still in force. Returns false when there is nothing to undo. */
export async function undoLastReview(viewer: SessionUser, expectedLogId: string, now: Date): Promise<boolean> {
  try {
    return await db().$transaction(async (tx) => {
      const last = await latestReview(viewer, tx);
      // The page names the review it offered to undo; a second click finds it already undone.
      if (!last || last.id !== expectedLogId) return false;
      await cancelReview(tx, await tx.reviewLog.findUniqueOrThrow({ where: { id: last.id } }), viewer, now);
      return true;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return false; // a concurrent undo of the same review won
    throw error;
  }
}

/**
 * After a correct answer the learner may say it was Hard or Easy instead of Good: the review is
 * cancelled (an undo row) and the same answer logged again with the new rating, at the same instant.
 */
export async function rerateReview(viewer: SessionUser, input: { logId: string; rating: 2 | 3 | 4 }, now: Date): Promise<{ logId: string; rating: number; nextDue: Date }> {
  const { settings, parameters } = await schedulingContext(viewer);
  try {
    return await db().$transaction(async (tx) => {
      const review = await tx.reviewLog.findUnique({ where: { id: input.logId } });
      if (!review || review.userId !== viewer.id || review.kind !== "review") throw new AppError("NOT_FOUND", "This review does not exist.");
      if (!review.correct) throw new AppError("INVALID", "Only a correct answer can be rated Hard or Easy.");
      if (review.rating === input.rating) return { logId: review.id, rating: review.rating, nextDue: parseCard(review.cardAfter).due };
      const before = await cancelReview(tx, review, viewer, now);
      const after = reviewCard(before, input.rating, review.reviewedAt, { desiredRetention: settings.desiredRetention, fuzz: FUZZ, parameters });
      await tx.reviewCard.update({ where: { id: review.cardId }, data: { ...after, version: { increment: 1 } } });
      const { id: _id, ...rest } = review;
      // The new row is the review now in force: undo and a further re-rating name it.
      const log = await tx.reviewLog.create({ data: { ...rest, rating: input.rating, stateAfter: after.state, cardAfter: serializeCard(after), scheduledDays: after.scheduledDays }, select: { id: true } });
      return { logId: log.id, rating: input.rating, nextDue: after.due };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "This review was already changed.");
    throw error;
  }
}

/**
 * The lessons and sectors the learner has cards in, for the review page's filters: two plain SQL
 * statements (decisions/0050), the visible lessons with the distinct sector lists, then the sectors.
 */
export async function getReviewFilters(viewer: SessionUser): Promise<{ lessons: { slug: string; title: string; language: string }[]; sectors: { id: string; nameEn: string; nameZh: string }[] }> {
  const rows = await db().$queryRaw<{ slug: string | null; title: string | null; language: string | null; position: number | bigint | null; sectorIds: string | null }[]>`
    SELECT l."slug", l."title", l."language", l."position", NULL AS "sectorIds" FROM "Lesson" l
      WHERE l."slug" IN (SELECT c."lessonSlug" FROM "ReviewCard" c WHERE c."userId" = ${viewer.id}) AND ${visibleLessonSql(viewer, "l")}
    UNION ALL
    SELECT NULL, NULL, NULL, NULL, d."sectorIds" FROM (SELECT DISTINCT c."sectorIds" FROM "ReviewCard" c WHERE c."userId" = ${viewer.id}) d`;
  const lessons = rows
    .filter((r) => r.slug !== null)
    .sort((a, b) => Number(a.position) - Number(b.position))
    .map((r) => ({ slug: r.slug!, title: r.title!, language: r.language! }));
  const sectorIds = [...new Set(rows.flatMap((r) => (r.sectorIds === null ? [] : (JSON.parse(r.sectorIds) as string[]))))];
  const sectors = sectorIds.length
    ? await db().$queryRaw<{ id: string; nameEn: string; nameZh: string }[]>`SELECT s."id", s."nameEn", s."nameZh" FROM "Sector" s WHERE s."id" IN (${Prisma.join(sectorIds)}) ORDER BY s."nameEn"`
    : [];
  return { lessons, sectors };
}
