import { beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/server/db";
import { syncContent, type SyncInput } from "@/lib/server/data/content-sync";
import { createAccount, registerStudent, type SessionUser } from "@/lib/server/data/users";
import { answerReview, getReviewSession, studyLesson } from "@/lib/server/data/review";
import { finishAttempt, getAttemptView, startAttempt, submitResponse } from "@/lib/server/data/attempts";
import { quizOffer } from "@/lib/server/data/quiz-offers";
import { loadExportBank } from "@/lib/server/data/question-export";
import { getDashboard } from "@/lib/server/data/progress";
import { getQuestionStatistics } from "@/lib/server/data/question-stats";
import type { QuizQuestion } from "@/lib/quiz/question";
import type { Answer } from "@/lib/schemas/answer";
import { pushAll } from "@/lib/arrays";
import { fixtureContent, fixtureQuestions } from "../support/quiz-fixtures";

// Review-only questions (decisions/0039): other formats of a fact, asked by reviews, never by quizzes.
const provider = inject("databaseProvider");
const LESSON = "triticale";
const t0 = new Date("2026-07-01T08:00:00Z");
const DAY = 86_400_000;

/** The fixture lesson plus two review-only questions on its facts, on sentences of their own. */
function withReviewOnly(slug: string): SyncInput {
  const content = fixtureContent(slug);
  const base = { documentSlug: slug, language: "en", explanation: "The lesson says so.", sectorIds: ["agriculture"] };
  const extra = [
    // A typed answer for the multiple-choice fact f1 (28%), and a true/false for the typed fact f2.
    { ...base, id: `${slug}-ro-typed`, type: "figure-typed", stem: "What share of farmland grew millet in 2020?", options: null, answerText: "28%", answerValue: 28, tolerance: 0.5, answerKind: "percent", answerUnit: "%", source: { sentenceId: `${slug}-t6`, quote: `Sentence 6 of ${slug}.` }, figureIds: ["f8"], factId: `figure:${slug}-f1` },
    // A fact only review-only questions ask: the cap left all its formats out of quizzes.
    { ...base, id: `${slug}-ro-only`, type: "figure-typed", stem: "How many farms grew millet in 2020?", options: null, answerText: "40 thousand", answerValue: 40_000, tolerance: 500, answerKind: "count", answerUnit: "farms", source: { sentenceId: `${slug}-t7`, quote: `Sentence 7 of ${slug}.` }, figureIds: ["f10"], factId: `figure:${slug}-f10` },
    { ...base, id: `${slug}-ro-tf`, type: "true-false", stem: "True or false: 2.5 million tonnes were exported in 2020.", options: null, answerBool: true, answerText: "True", source: { sentenceId: `${slug}-t7`, quote: `Sentence 7 of ${slug}.` }, figureIds: ["f9"], factId: `figure:${slug}-f2` },
  ] as QuizQuestion[];
  content.lessons[0].body.sections[0].paragraphs[0].sentences.push({ id: `${slug}-t6`, text: `Sentence 6 of ${slug}.` }, { id: `${slug}-t7`, text: `Sentence 7 of ${slug}.` });
  pushAll(content.questions, extra.map((q) => ({ id: q.id, lessonSlug: slug, language: q.language, type: q.type, sourceSentenceId: q.source.sentenceId, factId: q.factId ?? null, sectorIds: q.sectorIds, payload: q, reviewOnly: true })));
  return content;
}

const REVIEW_ONLY = [`${LESSON}-ro-typed`, `${LESSON}-ro-tf`, `${LESSON}-ro-only`];
const QUIZ_IDS = fixtureQuestions(LESSON).map((q) => q.id);

// Right answers by question id (the fixture's keys).
const RIGHT: Record<string, Answer> = {
  [`${LESSON}-mc`]: { kind: "option", optionId: "c" },
  [`${LESSON}-typed`]: { kind: "typed", text: "2.5 million" },
  [`${LESSON}-sector`]: { kind: "option", optionId: "s1" },
  [`${LESSON}-tf`]: { kind: "bool", value: true },
  [`${LESSON}-match`]: { kind: "matching", choices: ["m1", "m2", "m3"] },
  [`${LESSON}-order`]: { kind: "ordering", order: ["o1", "o2", "o3"] },
  [`${LESSON}-ro-typed`]: { kind: "typed", text: "28%" },
  [`${LESSON}-ro-tf`]: { kind: "bool", value: true },
  [`${LESSON}-ro-only`]: { kind: "typed", text: "40 thousand" },
};

let n = 0;
const student = (): Promise<SessionUser> => registerStudent({ name: `Formats ${++n}`, email: `formats-${n}-${provider}@example.com`, password: "long-enough-pw" });

beforeAll(async () => {
  await syncContent(withReviewOnly(LESSON));
});

describe(`review-only questions on ${provider}`, () => {
  it("are stored flagged, and a second sync leaves them unchanged (stable ids, retired like the others)", async () => {
    const rows = await db().question.findMany({ where: { lessonSlug: LESSON }, select: { id: true, reviewOnly: true } });
    expect(rows.filter((r) => r.reviewOnly).map((r) => r.id).sort()).toEqual([...REVIEW_ONLY].sort());
    const again = await syncContent(withReviewOnly(LESSON));
    expect(again.questions).toMatchObject({ created: 0, updated: 0, retired: 0, unchanged: 9 });
    // Dropped from the next build: retired, never deleted; generated again: restored.
    const without = withReviewOnly(LESSON);
    without.questions = without.questions.filter((q) => q.id !== `${LESSON}-ro-tf`);
    expect((await syncContent(without)).questions.retired).toBe(1);
    expect(await db().question.findUnique({ where: { id: `${LESSON}-ro-tf` }, select: { retiredAt: true } })).toMatchObject({ retiredAt: expect.any(Date) });
    expect((await syncContent(withReviewOnly(LESSON))).questions.restored).toBe(1);
  });

  it("a lesson's quiz never draws one, and the quiz button's count leaves them out", async () => {
    for (let i = 0; i < 4; i++) {
      const user = await student();
      const view = await getAttemptView(user, await startAttempt(user, { scope: "lesson", scopeId: LESSON, figuresOnly: false }));
      expect(view.questions.map((q) => q.question.id).sort()).toEqual([...QUIZ_IDS].sort());
      const figures = await getAttemptView(user, await startAttempt(user, { scope: "lesson", scopeId: LESSON, figuresOnly: true }));
      for (const q of figures.questions) expect(REVIEW_ONLY).not.toContain(q.question.id);
    }
    const sectorStudent = await student();
    const sectorQuiz = await getAttemptView(sectorStudent, await startAttempt(sectorStudent, { scope: "sector", scopeId: "agriculture", figuresOnly: false }));
    expect(sectorQuiz.questions.length).toBeGreaterThan(0);
    for (const q of sectorQuiz.questions) expect(REVIEW_ONLY).not.toContain(q.question.id);
    const viewer = await student();
    expect((await quizOffer(viewer, "lesson", LESSON, null)).questions).toBe(6);
  });

  it("exports to an LMS leave them out, even when ticked", async () => {
    const teacher = await createAccount({ name: "Formats teacher", email: `formats-teacher-${provider}@example.com`, password: "long-enough-pw", role: "ADMIN" });
    const bank = await loadExportBank(teacher, { kind: "lesson", slug: LESSON });
    expect(bank.questions.map((q) => q.id).sort()).toEqual([...QUIZ_IDS].sort());
    await expect(loadExportBank(teacher, { kind: "questions", ids: REVIEW_ONLY })).rejects.toMatchObject({ code: "INVALID" });
  });

  it("statistics ignore them: mastery counts only quiz questions, item statistics never list them", async () => {
    const user = await student();
    for (let round = 0; round < 2; round++) {
      const attemptId = await startAttempt(user, { scope: "lesson", scopeId: LESSON, figuresOnly: false });
      for (const { question: q } of (await getAttemptView(user, attemptId)).questions) {
        const feedback = await submitResponse(user, { attemptId, questionId: q.id, answer: RIGHT[q.id], timeTakenMs: 1000 });
        expect(feedback.correct, q.id).toBe(true);
      }
      await finishAttempt(user, attemptId);
    }
    // Every quiz question answered right twice: with the review-only ones counted (9 available, 6
    // answered) mastery would stop at "familiar" (decisions/0106).
    const lesson = (await getDashboard(user, t0)).lessons.find((l) => l.slug === LESSON)!;
    expect(lesson.mastery).toBe("mastered");
    // Reviews of review-only questions leave no answer in the item statistics.
    await studyLesson(user, LESSON, t0);
    for (let i = 0; i < 6; i++) {
      const session = await getReviewSession(user, {}, new Date(t0.getTime() + i * 30 * DAY));
      if (!session.card) continue;
      const { card } = session;
      await answerReview(user, { cardId: card.id, version: card.version, questionId: card.question.id, answer: RIGHT[card.question.id], durationMs: 3000 }, new Date(t0.getTime() + i * 30 * DAY));
    }
    const admin = await createAccount({ name: "Formats admin", email: `formats-admin-${provider}@example.com`, password: "long-enough-pw", role: "ADMIN" });
    const stats = await getQuestionStatistics(admin, { lessonSlug: LESSON, recalculate: true }, t0);
    const listed = JSON.stringify(stats);
    for (const id of REVIEW_ONLY) expect(listed).not.toContain(id);
  });

  it("a fact's successive reviews show different formats, one card and one FSRS state per fact", async () => {
    const user = await student();
    // Facts, not questions: f1, f2, the sector claim, and f10 that only review-only questions ask.
    expect((await studyLesson(user, LESSON, t0)).total).toBe(4);
    const card = await db().reviewCard.findFirstOrThrow({ where: { userId: user.id, factId: `figure:${LESSON}-f1` } });
    // Only that card in play: the others are answered out of the way first.
    await db().reviewCard.updateMany({ where: { userId: user.id, id: { not: card.id } }, data: { due: new Date(t0.getTime() + 3650 * DAY), state: 2 } });
    const shown: { id: string; type: string }[] = [];
    let now = t0;
    for (let i = 0; i < 6; i++) {
      const session = await getReviewSession(user, {}, now);
      expect(session.card?.id).toBe(card.id);
      const q = session.card!.question;
      shown.push({ id: q.id, type: q.type });
      const result = await answerReview(user, { cardId: card.id, version: session.card!.version, questionId: q.id, answer: RIGHT[q.id], durationMs: 3000 }, now);
      expect(result.feedback.correct, q.id).toBe(true);
      now = new Date(result.nextDue.getTime() + 1000);
    }
    // The fact f1 has three formats: multiple choice and true/false in quizzes, typed review-only.
    for (let i = 1; i < shown.length; i++) expect(shown[i].type, JSON.stringify(shown)).not.toBe(shown[i - 1].type);
    expect(new Set(shown.map((s) => s.id))).toEqual(new Set([`${LESSON}-mc`, `${LESSON}-tf`, `${LESSON}-ro-typed`]));
    const after = await db().reviewCard.findUniqueOrThrow({ where: { id: card.id } });
    expect(after.reps).toBe(6);
    expect(await db().reviewCard.count({ where: { userId: user.id, factId: `figure:${LESSON}-f1` } })).toBe(1);
    const logs = await db().reviewLog.findMany({ where: { cardId: card.id }, orderBy: { reviewedAt: "asc" }, select: { format: true } });
    expect(logs.map((l) => l.format)).toEqual(shown.map((s) => s.type));
  });
});
