import { beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/server/db";
import { syncContent } from "@/lib/server/data/content-sync";
import { createAccount, registerStudent, type SessionUser } from "@/lib/server/data/users";
import { answerReview, getReviewFilters, getReviewSession, getReviewSettings, rerateReview, saveReviewSettings, studyLesson, undoLastReview } from "@/lib/server/data/review";
import { getReviewStats } from "@/lib/server/data/review-stats";
import { finishAttempt, startAttempt, submitResponse } from "@/lib/server/data/attempts";
import { createClass, joinClass } from "@/lib/server/data/classes";
import { getClassOverview } from "@/lib/server/data/class-progress";
import type { Answer } from "@/lib/schemas/answer";
import { fixtureContent } from "../support/quiz-fixtures";

const provider = inject("databaseProvider");
const LESSON = "tea";
const t0 = new Date("2026-06-01T08:00:00Z");
const later = (ms: number) => new Date(t0.getTime() + ms);
const MINUTE = 60_000;
const DAY = 86_400_000;
const SECRET_FIELDS = ["correctOptionId", "answerValue", "answerBool", "correctOrder", "pairs", "answerText", "explanation", "tolerance"];

// Answers to the fixture questions (tests/support/quiz-fixtures.ts), keyed by the id's type suffix.
const RIGHT: Record<string, Answer> = { mc: { kind: "option", optionId: "c" }, typed: { kind: "typed", text: "2.5 million" }, sector: { kind: "option", optionId: "s1" }, tf: { kind: "bool", value: true } };
const WRONG: Record<string, Answer> = { mc: { kind: "option", optionId: "a" }, typed: { kind: "typed", text: "3 million" }, sector: { kind: "option", optionId: "s2" }, tf: { kind: "bool", value: false } };
const answerFor = (questionId: string, right: boolean) => (right ? RIGHT : WRONG)[questionId.split("-").pop()!];

let n = 0;
async function learner(): Promise<SessionUser> {
  return registerStudent({ name: `Learner ${++n}`, email: `learner-${n}-${provider}@example.com`, password: "long-enough-pw" });
}

/** Answers the card the session shows now, right or wrong; returns the result and what was shown. */
async function answerNext(user: SessionUser, right: boolean, now: Date) {
  const session = await getReviewSession(user, {}, now);
  const card = session.card!;
  const input = { cardId: card.id, version: card.version, questionId: card.question.id, answer: answerFor(card.question.id, right), durationMs: 4000 };
  return { card, input, result: await answerReview(user, input, now) };
}

beforeAll(async () => {
  await syncContent(fixtureContent(LESSON));
});

describe(`spaced-repetition review on ${provider}`, () => {
  it("studying a lesson makes one card per fact, once, even when asked twice at the same time", async () => {
    const user = await learner();
    const [a, b] = await Promise.all([studyLesson(user, LESSON, t0), studyLesson(user, LESSON, t0)]);
    expect(a.total).toBe(3); // two figures and one sector claim; matching and ordering make none
    expect(a.added + b.added).toBe(3);
    expect(await db().reviewCard.count({ where: { userId: user.id } })).toBe(3);
    expect((await studyLesson(user, LESSON, t0)).added).toBe(0);
    await expect(studyLesson(user, "no-such-lesson", t0)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("shows new cards up to the daily limit, without answer keys", async () => {
    const user = await learner();
    await studyLesson(user, LESSON, t0);
    await saveReviewSettings(user, { desiredRetention: 0.9, newCardsPerDay: 2 });
    const session = await getReviewSession(user, {}, t0);
    expect(session).toMatchObject({ due: 0, newToday: 2, totalCards: 3, undoable: null });
    const json = JSON.stringify(session);
    for (const field of SECRET_FIELDS) expect(json).not.toContain(`"${field}"`);
    expect(json).not.toContain("The lesson says so.");
  });

  it("a right answer rates Good and a wrong one Again, each logged with the state before and after", async () => {
    const user = await learner();
    await studyLesson(user, LESSON, t0);
    const good = await answerNext(user, true, t0);
    expect(good.result).toMatchObject({ rating: 3, ratingsAllowed: [2, 3, 4], feedback: { correct: true, source: { lessonSlug: LESSON } } });
    expect(good.result.nextDue).toEqual(later(10 * MINUTE));
    const again = await answerNext(user, false, t0);
    expect(again.result).toMatchObject({ rating: 1, ratingsAllowed: [1], feedback: { correct: false } });
    expect(again.result.nextDue).toEqual(later(MINUTE));
    const logs = await db().reviewLog.findMany({ where: { userId: user.id }, orderBy: { reviewedAt: "asc" } });
    expect(logs.map((l) => [l.kind, l.rating, l.stateBefore, l.stateAfter, l.correct])).toEqual([
      ["review", 3, 0, 1, true],
      ["review", 1, 0, 1, false],
    ]);
    expect(logs[0].durationMs).toBe(4000);
  });

  it("a repeated or concurrent submit records one review and returns its result", async () => {
    const user = await learner();
    await studyLesson(user, LESSON, t0);
    const first = await answerNext(user, true, t0);
    const again = await answerReview(user, first.input, later(1000));
    expect(again.logId).toBe(first.result.logId);
    const session = await getReviewSession(user, {}, t0);
    const card = session.card!;
    const input = { cardId: card.id, version: card.version, questionId: card.question.id, answer: answerFor(card.question.id, false), durationMs: 1 };
    const results = await Promise.all([answerReview(user, input, t0), answerReview(user, input, t0), answerReview(user, input, t0)]);
    expect(new Set(results.map((r) => r.logId)).size).toBe(1);
    expect(await db().reviewLog.count({ where: { userId: user.id } })).toBe(2);
  });

  it("fifty learners answering at once are all recorded: the transaction holds a pooled connection for its writes only", async () => {
    const learners = await Promise.all(Array.from({ length: 50 }, async () => {
      const user = await learner();
      await studyLesson(user, LESSON, t0);
      const card = (await getReviewSession(user, {}, t0)).card!;
      return { user, input: { cardId: card.id, version: card.version, questionId: card.question.id, answer: answerFor(card.question.id, true), durationMs: 4000 } };
    }));
    const results = await Promise.all(learners.map(({ user, input }) => answerReview(user, input, later(MINUTE))));
    expect(results.every((r) => r.feedback.correct)).toBe(true);
    expect(await db().reviewLog.count({ where: { userId: { in: learners.map((l) => l.user.id) }, kind: "review" } })).toBe(50);
  });

  it("asks the next review of a card in another format, and refuses an answer to a question it did not ask", async () => {
    const user = await learner();
    await studyLesson(user, LESSON, t0);
    // Find the card of the fact with two formats (multiple choice and true/false).
    const card = await db().reviewCard.findFirstOrThrow({ where: { userId: user.id, factId: `figure:${LESSON}-f1` } });
    await saveReviewSettings(user, { desiredRetention: 0.9, newCardsPerDay: 100 });
    let shown: string | null = null;
    let now = t0;
    const formats: string[] = [];
    for (let i = 0; i < 6 && formats.length < 2; i++) {
      const session = await getReviewSession(user, {}, now);
      if (!session.card) break;
      if (session.card.id === card.id) {
        formats.push(session.card.question.type);
        shown = session.card.question.id;
      }
      await answerReview(user, { cardId: session.card.id, version: session.card.version, questionId: session.card.question.id, answer: answerFor(session.card.question.id, true), durationMs: 1 }, now);
      now = new Date(now.getTime() + 11 * MINUTE);
    }
    expect(formats).toHaveLength(2);
    expect(new Set(formats)).toEqual(new Set(["figure-mc", "true-false"]));
    const current = await db().reviewCard.findUniqueOrThrow({ where: { id: card.id } });
    await expect(answerReview(user, { cardId: card.id, version: current.version, questionId: shown!, answer: answerFor(shown!, true), durationMs: 1 }, now)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("after a right answer the learner may rate it Easy instead; the log keeps both", async () => {
    const user = await learner();
    await studyLesson(user, LESSON, t0);
    const { card, result } = await answerNext(user, true, t0);
    const easy = await rerateReview(user, { logId: result.logId, rating: 4 }, later(2000));
    expect(easy.nextDue.getTime() - t0.getTime()).toBeGreaterThanOrEqual(2 * DAY);
    const stored = await db().reviewCard.findUniqueOrThrow({ where: { id: card.id } });
    expect(stored.state).toBe(2);
    expect(stored.due).toEqual(easy.nextDue);
    const logs = await db().reviewLog.findMany({ where: { cardId: card.id } });
    expect(logs.map((l) => `${l.kind}:${l.rating}`).sort()).toEqual(["review:3", "review:4", "undo:null"]);
    // A wrong answer cannot be rated Easy.
    const wrong = await answerNext(user, false, t0);
    await expect(rerateReview(user, { logId: wrong.result.logId, rating: 4 }, t0)).rejects.toMatchObject({ code: "INVALID" });
  });

  it("a re-rating names the review now in force: it can be re-rated again, and undo takes it back", async () => {
    const user = await learner();
    await studyLesson(user, LESSON, t0);
    const { card, result } = await answerNext(user, true, t0);
    const easy = await rerateReview(user, { logId: result.logId, rating: 4 }, later(1000));
    expect(easy.logId).not.toBe(result.logId);
    const hard = await rerateReview(user, { logId: easy.logId, rating: 2 }, later(2000));
    expect((await getReviewSession(user, {}, later(3000))).undoable?.logId).toBe(hard.logId);
    expect(await undoLastReview(user, hard.logId, later(3000))).toBe(true);
    expect(await db().reviewCard.findUniqueOrThrow({ where: { id: card.id } })).toMatchObject({ state: 0, reps: 0 });
  });

  it("undo restores the card exactly and appends to the log without changing a row", async () => {
    const user = await learner();
    await studyLesson(user, LESSON, t0);
    const { card, result } = await answerNext(user, true, t0);
    const second = await answerNext(user, false, later(MINUTE));
    const before = await db().reviewCard.findUniqueOrThrow({ where: { id: second.card.id } });
    const logsBefore = await db().reviewLog.findMany({ where: { userId: user.id }, orderBy: { id: "asc" } });
    const session = await getReviewSession(user, {}, later(2 * MINUTE));
    expect(session.undoable?.logId).toBe(second.result.logId);

    expect(await undoLastReview(user, second.result.logId, later(2 * MINUTE))).toBe(true);
    expect(await undoLastReview(user, second.result.logId, later(2 * MINUTE))).toBe(false); // a second click does nothing more
    const restored = await db().reviewCard.findUniqueOrThrow({ where: { id: second.card.id } });
    expect({ ...restored, version: 0 }).toEqual({ ...before, state: 0, reps: 0, lastReview: null, due: restored.due, stability: 0, difficulty: 0, scheduledDays: 0, learningSteps: 0, version: 0 });
    expect(restored.due).toEqual(t0); // new cards are due from when they were made
    const logsAfter = await db().reviewLog.findMany({ where: { userId: user.id }, orderBy: { id: "asc" } });
    for (const row of logsBefore) expect(logsAfter.find((l) => l.id === row.id)).toEqual(row);
    expect(logsAfter.filter((l) => l.kind === "undo")).toMatchObject([{ undoesId: second.result.logId }]);
    // The undone card is shown again, and the next undo is of the review before it.
    expect((await getReviewSession(user, {}, later(3 * MINUTE))).undoable?.logId).toBe(result.logId);
    expect(card.id).not.toBe(second.card.id);
  });

  it("paces new cards per day and, the next day, shows the cards that have fallen due", async () => {
    const user = await learner();
    await studyLesson(user, LESSON, t0);
    await saveReviewSettings(user, { desiredRetention: 0.9, newCardsPerDay: 2 });
    const a = await answerNext(user, true, t0); // Good: learning, back in 10 minutes
    const b = await answerNext(user, true, t0);
    await rerateReview(user, { logId: b.result.logId, rating: 4 }, t0); // Easy: days away
    expect(await getReviewSession(user, {}, later(MINUTE))).toMatchObject({ due: 0, newToday: 0, card: null, nextDueAt: later(10 * MINUTE) });
    const tomorrow = await getReviewSession(user, {}, later(DAY));
    expect(tomorrow).toMatchObject({ due: 1, newToday: 1 });
    expect(tomorrow.card?.id).toBe(a.card.id);
  });

  it("reads the queue a page at a time: skips more than a page of cards without a question, in queue order", async () => {
    const user = await learner();
    await studyLesson(user, LESSON, t0);
    // 45 learnt cards due before any real one, whose facts have no question (retired since): more than two pages.
    await db().reviewCard.createMany({
      data: Array.from({ length: 45 }, (_, i) => ({ userId: user.id, factId: `orphan-${i}`, lessonSlug: LESSON, sectorIds: JSON.stringify(["agriculture"]), origin: "lesson", createdAt: t0, due: later(-(i + 10) * MINUTE), state: 2, reps: 1, stability: 5 })),
    });
    const onlyNew = await getReviewSession(user, {}, t0);
    expect(onlyNew).toMatchObject({ due: 45, newToday: 3, totalCards: 48 });
    expect(onlyNew.card?.isNew).toBe(true); // every due card was skipped, so a new one comes next

    // A real card due after 44 of them and before the last: it is the one shown.
    const real = await db().reviewCard.findFirstOrThrow({ where: { userId: user.id, factId: { not: { startsWith: "orphan-" } } }, orderBy: { position: "asc" } });
    await db().reviewCard.update({ where: { id: real.id }, data: { state: 2, reps: 1, stability: 5, due: later(-(10 * MINUTE + 30_000)) } });
    const session = await getReviewSession(user, {}, t0);
    expect(session).toMatchObject({ due: 46, newToday: 2, totalCards: 48, nextDueAt: null });
    expect(session.card).toMatchObject({ id: real.id, isNew: false });
    expect((await getReviewSession(user, { sectorId: "mining" }, t0)).totalCards).toBe(0);
    expect((await getReviewFilters(user)).lessons.map((l) => l.slug)).toEqual([LESSON]);
  });

  it("filters by lesson and by sector", async () => {
    const user = await learner();
    await studyLesson(user, LESSON, t0);
    expect((await getReviewSession(user, { lessonSlug: LESSON }, t0)).totalCards).toBe(3);
    expect((await getReviewSession(user, { lessonSlug: "other" }, t0)).totalCards).toBe(0);
    expect((await getReviewSession(user, { sectorId: "agriculture" }, t0)).totalCards).toBe(3);
    expect((await getReviewSession(user, { sectorId: "mining" }, t0)).card).toBeNull();
  });

  it("a wrong quiz answer becomes a card, ahead of lesson cards", async () => {
    const user = await learner();
    const attemptId = await startAttempt(user, { scope: "lesson", scopeId: LESSON, figuresOnly: false });
    await submitResponse(user, { attemptId, questionId: `${LESSON}-typed`, answer: { kind: "typed", text: "7" }, timeTakenMs: 100 });
    await submitResponse(user, { attemptId, questionId: `${LESSON}-mc`, answer: { kind: "option", optionId: "c" }, timeTakenMs: 100 });
    await finishAttempt(user, attemptId);
    expect(await db().reviewCard.findMany({ where: { userId: user.id }, select: { factId: true, origin: true } })).toEqual([{ factId: `figure:${LESSON}-f2`, origin: "wrong-answer" }]);
    await studyLesson(user, LESSON, later(MINUTE));
    const session = await getReviewSession(user, {}, later(2 * MINUTE));
    expect(session.card?.question.id).toBe(`${LESSON}-typed`);
  });

  it("refuses another learner's card and review", async () => {
    const owner = await learner();
    const intruder = await learner();
    await studyLesson(owner, LESSON, t0);
    const { input, result } = await answerNext(owner, true, t0);
    await expect(answerReview(intruder, { ...input, version: input.version + 1 }, t0)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(rerateReview(intruder, { logId: result.logId, rating: 4 }, t0)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await undoLastReview(intruder, result.logId, t0)).toBe(false);
    expect(await db().reviewLog.count({ where: { userId: owner.id } })).toBe(1);
  });

  it("statistics show reviews per day, the forecast and true retention; instructors see class activity", async () => {
    const user = await learner();
    await studyLesson(user, LESSON, t0);
    await saveReviewSettings(user, { desiredRetention: 0.85, newCardsPerDay: 20 });
    expect(await getReviewSettings(user)).toEqual({ desiredRetention: 0.85, newCardsPerDay: 20 });
    // Day 0: learn all three (Easy, so they graduate); later: review them when due, one forgotten.
    let now = t0;
    for (let i = 0; i < 3; i++) {
      const { result } = await answerNext(user, true, now);
      await rerateReview(user, { logId: result.logId, rating: 4 }, now);
    }
    const cards = await db().reviewCard.findMany({ where: { userId: user.id }, orderBy: { due: "desc" } });
    now = cards[0].due;
    await answerNext(user, true, now);
    await answerNext(user, true, now);
    await answerNext(user, false, now);
    const stats = await getReviewStats(user, now);
    expect(stats.totalReviews).toBe(6);
    expect(stats.desiredRetention).toBe(0.85);
    expect(stats.reviewsPerDay.at(-1)!.count).toBe(3);
    expect(stats.reviewsPerDay.reduce((s, d) => s + d.count, 0)).toBe(6);
    expect(stats.retention.overall).toMatchObject({ reviews: 3, passed: 2 });
    expect(stats.forecast).toHaveLength(30);
    const dueWithin30 = (await db().reviewCard.findMany({ where: { userId: user.id } })).filter((c) => c.due.getTime() < Date.parse(stats.forecast[0].day) + 30 * DAY);
    expect(dueWithin30.length).toBeGreaterThanOrEqual(1); // at least the forgotten card, back in minutes
    expect(stats.forecast.reduce((s, d) => s + d.count, 0)).toBe(dueWithin30.length);
    expect(stats.forecast[0].count).toBeGreaterThanOrEqual(1);

    const teacher = await createAccount({ name: "Review Teacher", email: `review-teacher-${provider}@example.com`, password: "long-enough-pw", role: "INSTRUCTOR" });
    const cls = await createClass(teacher, "Review class");
    await joinClass(user, cls.joinCode);
    const overview = await getClassOverview(teacher, cls.id, now);
    expect(overview.students[0].review).toMatchObject({ reviews7d: 3, cards: 3, retention30d: 2 / 3 });
    await expect(getClassOverview(user, cls.id, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
