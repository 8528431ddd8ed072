import { beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/server/db";
import { syncContent } from "@/lib/server/data/content-sync";
import { registerStudent, type SessionUser } from "@/lib/server/data/users";
import { attemptSubject, finishAttempt, flagQuestion, getAttemptResult, getAttemptView, startAttempt, submitResponse } from "@/lib/server/data/attempts";
import type { Answer } from "@/lib/schemas/answer";
import { fixtureContent } from "../support/quiz-fixtures";

const provider = inject("databaseProvider");
let student: SessionUser;
let other: SessionUser;

// Keys of the fixture questions; none of them may reach the browser before the question is answered.
const SECRET_FIELDS = ["correctOptionId", "answerValue", "answerBool", "correctOrder", "pairs", "answerText", "explanation", "tolerance"];

beforeAll(async () => {
  await syncContent(fixtureContent("rice"));
  student = await registerStudent({ name: "Quiz Taker", email: `taker-${provider}@example.com`, password: "long-enough-pw" });
  other = await registerStudent({ name: "Other", email: `other-${provider}@example.com`, password: "long-enough-pw" });
});

const right: Record<string, Answer> = {
  "rice-mc": { kind: "option", optionId: "c" },
  "rice-typed": { kind: "typed", text: "2500000" },
  "rice-sector": { kind: "option", optionId: "s1" },
  "rice-tf": { kind: "bool", value: true },
  "rice-match": { kind: "matching", choices: ["m1", "m2", "m3"] },
  "rice-order": { kind: "ordering", order: ["o1", "o2", "o3"] },
};
const wrong: Record<string, Answer> = {
  "rice-mc": { kind: "option", optionId: "a" },
  "rice-typed": { kind: "typed", text: "3000000" },
  "rice-sector": { kind: "option", optionId: "s2" },
  "rice-tf": { kind: "bool", value: false },
  "rice-match": { kind: "matching", choices: ["m2", "m1", "m3"] },
  "rice-order": { kind: "ordering", order: ["o2", "o1", "o3"] },
};

// A sector quiz also draws on other test files' fixture lessons (same questions, other slugs).
const rightFor = (questionId: string) => right[`rice-${questionId.split("-").pop()}`];

describe(`quiz attempts on ${provider}`, () => {
  it("sends no answer key for unanswered questions, and the same view after a reload", async () => {
    const attemptId = await startAttempt(student, { scope: "lesson", scopeId: "rice", figuresOnly: false });
    const view = await getAttemptView(student, attemptId);
    expect(view.questions).toHaveLength(6);
    const json = JSON.stringify(view);
    for (const field of SECRET_FIELDS) expect(json).not.toContain(`"${field}"`);
    expect(json).not.toContain("The lesson says so.");
    expect(await getAttemptView(student, attemptId)).toEqual(view);
    // Starting again continues the unfinished attempt instead of making a second one.
    expect(await startAttempt(student, { scope: "lesson", scopeId: "rice", figuresOnly: false })).toBe(attemptId);
  });

  it("grades every type right and wrong on the server", async () => {
    for (const answers of [right, wrong]) {
      const user = await registerStudent({ name: "G", email: `g-${provider}-${answers === right}@example.com`, password: "long-enough-pw" });
      const attemptId = await startAttempt(user, { scope: "lesson", scopeId: "rice", figuresOnly: false });
      for (const [questionId, answer] of Object.entries(answers)) {
        const feedback = await submitResponse(user, { attemptId, questionId, answer, timeTakenMs: 1000 });
        expect(feedback.correct, questionId).toBe(answers === right);
        expect(feedback.source.lessonSlug).toBe("rice");
      }
      await finishAttempt(user, attemptId);
      const result = await getAttemptResult(user, attemptId);
      expect(result.score).toBe(answers === right ? 1 : 0);
      expect(result.items.map((i) => i.yourAnswer)).not.toContain(null);
    }
  });

  it.each([
    ["2500000", true],
    ["2.5 million", true],
    ["250万", true],
    ["２５０万吨", true],
    ["2,550,000", true], // the tolerance edge (±50,000)
    ["2550001", false],
    ["两百五十万", false], // not a form the reader accepts: graded wrong, not an error
    ["7546000001300000000", false], // beyond a float's exact integers: was a 500 (the database driver refused the value)
    ["7.5e300", false],
  ])("grades the typed answer %s by value (correct: %s)", async (text, correct) => {
    const user = await registerStudent({ name: "T", email: `typed-${provider}-${Math.random().toString(36).slice(2)}@example.com`, password: "long-enough-pw" });
    const attemptId = await startAttempt(user, { scope: "lesson", scopeId: "rice", figuresOnly: false });
    const feedback = await submitResponse(user, { attemptId, questionId: "rice-typed", answer: { kind: "typed", text }, timeTakenMs: 1 });
    expect(feedback.correct).toBe(correct);
    const row = await db().response.findFirstOrThrow({ where: { attemptId, questionId: "rice-typed" } });
    if (correct) expect(row.parsedValue).toBeCloseTo(text.startsWith("2,55") ? 2_550_000 : 2_500_000);
  });

  it("records one response when the same answer is submitted many times at once", async () => {
    const user = await registerStudent({ name: "Clicker", email: `clicker-${provider}@example.com`, password: "long-enough-pw" });
    const attemptId = await startAttempt(user, { scope: "lesson", scopeId: "rice", figuresOnly: false });
    const submits = Array.from({ length: 8 }, (_, i) =>
      submitResponse(user, { attemptId, questionId: "rice-mc", answer: i % 2 ? right["rice-mc"] : wrong["rice-mc"], timeTakenMs: 500 }),
    );
    const results = await Promise.all(submits);
    expect(await db().response.count({ where: { attemptId } })).toBe(1);
    // Every caller is told the grade of the one answer that was kept.
    expect(new Set(results.map((r) => r.correct)).size).toBe(1);
  });

  it("a sector quiz is titled with the sector's name in the reader's language; a lesson quiz with the lesson's title", async () => {
    const user = await registerStudent({ name: "Titles", email: `titles-${provider}@example.com`, password: "long-enough-pw" });
    const sectorQuiz = await startAttempt(user, { scope: "sector", scopeId: "agriculture", figuresOnly: false });
    expect(await attemptSubject(user, sectorQuiz, "zh")).toBe("农业");
    expect(await attemptSubject(user, sectorQuiz, "en")).toBe("Agriculture");
    expect(await attemptSubject(other, sectorQuiz, "zh")).toBeNull();
    const lessonQuiz = await startAttempt(user, { scope: "lesson", scopeId: "rice", figuresOnly: false });
    expect(await attemptSubject(user, lessonQuiz, "zh")).toBe((await db().lesson.findUniqueOrThrow({ where: { slug: "rice" } })).title);
  });

  it("finishing twice at once stores one score", async () => {
    const user = await registerStudent({ name: "Finisher", email: `finisher-${provider}@example.com`, password: "long-enough-pw" });
    const attemptId = await startAttempt(user, { scope: "sector", scopeId: "agriculture", figuresOnly: false });
    const [first, second] = (await getAttemptView(user, attemptId)).questions.map((q) => q.question.id);
    await submitResponse(user, { attemptId, questionId: first, answer: rightFor(first), timeTakenMs: 1 });
    await Promise.all([finishAttempt(user, attemptId), finishAttempt(user, attemptId)]);
    const row = await db().attempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(row.finishedAt).not.toBeNull();
    expect(row.correctCount).toBe(1);
    expect(row.score).toBeCloseTo(1 / row.totalCount);
    // No answers after the end.
    await expect(submitResponse(user, { attemptId, questionId: second, answer: rightFor(second), timeTakenMs: 1 })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("finishing commits the score and the missed facts' review cards together, or neither", async () => {
    const user = await registerStudent({ name: "Crash", email: `crash-${provider}@example.com`, password: "long-enough-pw" });
    const attemptId = await startAttempt(user, { scope: "lesson", scopeId: "rice", figuresOnly: false });
    await submitResponse(user, { attemptId, questionId: "rice-mc", answer: wrong["rice-mc"], timeTakenMs: 1 });
    // A real failure in the database between closing the attempt and creating its cards.
    const trigger =
      provider === "sqlite"
        ? [`CREATE TRIGGER "fail_card" BEFORE INSERT ON "ReviewCard" BEGIN SELECT RAISE(ABORT, 'injected failure'); END`]
        : [
            `CREATE FUNCTION "fail_card"() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql`,
            `CREATE TRIGGER "fail_card" BEFORE INSERT ON "ReviewCard" FOR EACH ROW EXECUTE FUNCTION "fail_card"()`,
          ];
    const drop = provider === "sqlite" ? [`DROP TRIGGER "fail_card"`] : [`DROP TRIGGER "fail_card" ON "ReviewCard"`, `DROP FUNCTION "fail_card"()`];
    for (const sql of trigger) await db().$executeRawUnsafe(sql);
    try {
      await expect(finishAttempt(user, attemptId)).rejects.toThrow();
    } finally {
      for (const sql of drop) await db().$executeRawUnsafe(sql);
    }
    expect((await db().attempt.findUniqueOrThrow({ where: { id: attemptId } })).finishedAt).toBeNull();
    expect(await db().reviewCard.count({ where: { userId: user.id } })).toBe(0);

    // Finishing again (the student clicks once more) completes both.
    await finishAttempt(user, attemptId);
    expect((await db().attempt.findUniqueOrThrow({ where: { id: attemptId } })).finishedAt).not.toBeNull();
    expect(await db().reviewCard.findMany({ where: { userId: user.id }, select: { factId: true, origin: true } })).toEqual([{ factId: "figure:rice-f1", origin: "wrong-answer" }]);
  });

  it("a quiz finished blank shows no key, explanation or source for its unanswered questions", async () => {
    const user = await registerStudent({ name: "Blank", email: `blank-${provider}@example.com`, password: "long-enough-pw" });
    const attemptId = await startAttempt(user, { scope: "lesson", scopeId: "rice", figuresOnly: false });
    await submitResponse(user, { attemptId, questionId: "rice-mc", answer: wrong["rice-mc"], timeTakenMs: 1 });
    await finishAttempt(user, attemptId);
    const result = await getAttemptResult(user, attemptId);
    expect(result.items).toHaveLength(6);
    for (const item of result.items) {
      if (item.questionId === "rice-mc") expect(item.feedback).toMatchObject({ correct: false, answerText: "28%" });
      else expect(item).toMatchObject({ yourAnswer: null, feedback: null });
    }
    const json = JSON.stringify(result.items.filter((i) => i.questionId !== "rice-mc"));
    for (const key of ["Rice → 28%; Wheat", "Agriculture", "Rice → Wheat → Maize", "The lesson says so.", "Sentence 1 of rice."]) expect(json).not.toContain(key);
  });

  it("a retake draws questions never shown to the student before ones left blank", async () => {
    // A bank of 20 independent questions (no shared sentence or figure), two quizzes' worth.
    const slug = "barley";
    const questions = Array.from({ length: 20 }, (_, i) => ({
      id: `${slug}-tf${i}`, documentSlug: slug, language: "en", type: "true-false", stem: `Statement ${i}?`, options: null, answerBool: true, answerText: "True",
      explanation: "Because.", source: { sentenceId: `${slug}-t${i}`, quote: `Sentence ${i}.` }, figureIds: [], sectorIds: [],
    }));
    await syncContent({
      lessons: [{ slug, title: "Barley", language: "en", source: null, body: { sections: [{ id: `${slug}-s`, heading: null, paragraphs: [{ id: `${slug}-p`, sentences: questions.map((q, i) => ({ id: `${slug}-t${i}`, text: `Sentence ${i}.` })) }] }], figures: [] } }],
      sectors: [],
      questions: questions.map((q) => ({ id: q.id, lessonSlug: slug, language: "en", type: q.type, sourceSentenceId: q.source.sentenceId, factId: null, sectorIds: [], payload: q })),
    });
    const user = await registerStudent({ name: "Retaker", email: `blank-retaker-${provider}@example.com`, password: "long-enough-pw" });
    const take = async () => {
      const attemptId = await startAttempt(user, { scope: "lesson", scopeId: slug, figuresOnly: false });
      await finishAttempt(user, attemptId);
      return (await getAttemptView(user, attemptId)).questions.map((q) => q.question.id);
    };
    const first = await take();
    const second = await take();
    expect(first).toHaveLength(10);
    expect(second).toHaveLength(10);
    expect(second.filter((id) => first.includes(id))).toEqual([]);
    // Every question has been shown once and left blank: the third quiz draws from all of them again.
    expect(await take()).toHaveLength(10);
  });

  it("refuses another student's attempt and answers of the wrong kind", async () => {
    const attemptId = await startAttempt(student, { scope: "lesson", scopeId: "rice", figuresOnly: false });
    await expect(getAttemptView(other, attemptId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(submitResponse(other, { attemptId, questionId: "rice-mc", answer: right["rice-mc"], timeTakenMs: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(submitResponse(student, { attemptId, questionId: "rice-mc", answer: { kind: "bool", value: true }, timeTakenMs: 1 })).rejects.toMatchObject({ code: "INVALID" });
  });

  it.each<[string, string, Answer]>([
    ["an option id smuggling another question's id", "rice-sector", { kind: "option", optionId: "s1\u001frice-order\u001f+\u001fo1" }],
    ["a matching choice that is no option", "rice-match", { kind: "matching", choices: ["m1", "m2", "x"] }],
    ["an ordering that repeats an item", "rice-order", { kind: "ordering", order: ["o1", "o1", "o2"] }],
  ])("refuses %s with a message and stores nothing", async (_, questionId, answer) => {
    const user = await registerStudent({ name: "Forger", email: `forger-${provider}-${questionId}@example.com`, password: "long-enough-pw" });
    const attemptId = await startAttempt(user, { scope: "lesson", scopeId: "rice", figuresOnly: false });
    await expect(submitResponse(user, { attemptId, questionId, answer, timeTakenMs: 1 })).rejects.toMatchObject({ code: "INVALID", message: expect.stringMatching(/./) });
    expect(await db().response.count({ where: { attemptId } })).toBe(0);
    expect(await db().latestAnswer.count({ where: { userId: user.id } })).toBe(0);
  });

  it("lets a student flag a question they answered, once", async () => {
    const attemptId = await startAttempt(student, { scope: "lesson", scopeId: "rice", figuresOnly: false });
    await expect(flagQuestion(other, { questionId: "rice-mc", reason: "ambiguous" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await submitResponse(student, { attemptId, questionId: "rice-mc", answer: right["rice-mc"], timeTakenMs: 1 });
    await flagQuestion(student, { questionId: "rice-mc", reason: "ambiguous" });
    await flagQuestion(student, { questionId: "rice-mc", reason: "wrong-key", comment: "答案有误" });
    const flags = await db().questionFlag.findMany({ where: { questionId: "rice-mc", userId: student.id } });
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ reason: "wrong-key", comment: "答案有误" });
  });

  it("deleting a user deletes their progress; retiring a question keeps its responses", async () => {
    const user = await registerStudent({ name: "Leaver", email: `leaver-${provider}@example.com`, password: "long-enough-pw" });
    const attemptId = await startAttempt(user, { scope: "lesson", scopeId: "rice", figuresOnly: false });
    await submitResponse(user, { attemptId, questionId: "rice-tf", answer: right["rice-tf"], timeTakenMs: 1 });
    const content = fixtureContent("rice");
    content.questions = content.questions.filter((q) => q.id !== "rice-tf");
    await syncContent(content);
    expect(await db().response.count({ where: { questionId: "rice-tf", attemptId } })).toBe(1);
    await syncContent(fixtureContent("rice"));
    await db().user.delete({ where: { id: user.id } });
    expect(await db().attempt.count({ where: { userId: user.id } })).toBe(0);
    expect(await db().response.count({ where: { attemptId } })).toBe(0);
    expect(await db().latestAnswer.count({ where: { userId: user.id } })).toBe(0);
  });
});
