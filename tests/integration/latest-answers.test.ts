import { beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/server/db";
import { syncContent } from "@/lib/server/data/content-sync";
import { registerStudent, type SessionUser } from "@/lib/server/data/users";
import { finishAttempt, startAttempt, submitResponse } from "@/lib/server/data/attempts";
import type { Answer } from "@/lib/schemas/answer";
import { fixtureContent } from "../support/quiz-fixtures";

const provider = inject("databaseProvider");
const slug = "emmer";

beforeAll(async () => {
  await syncContent(fixtureContent(slug));
});

const mc = `${slug}-mc`;
const tf = `${slug}-tf`;
const answers = {
  right: { [mc]: { kind: "option", optionId: "c" }, [tf]: { kind: "bool", value: true } },
  wrong: { [mc]: { kind: "option", optionId: "a" }, [tf]: { kind: "bool", value: false } },
} satisfies Record<string, Record<string, Answer>>;

/** What the database trigger keeps for a student. */
async function latestRows(userId: string) {
  const rows = await db().latestAnswer.findMany({ where: { userId }, orderBy: { questionId: "asc" } });
  return rows.map(({ questionId, correct, optionId, answeredAt, firstAnsweredAt, responseId }) => ({ questionId, correct, optionId, answeredAt, firstAnsweredAt, responseId }));
}

/** The same rows worked out from every answer: the last in ("createdAt", "id") order, and the first one's time. */
async function expectedRows(userId: string) {
  const responses = await db().response.findMany({ where: { attempt: { userId } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const rows = new Map<string, Awaited<ReturnType<typeof latestRows>>[number]>();
  for (const r of responses) {
    const firstAnsweredAt = rows.get(r.questionId)?.firstAnsweredAt ?? r.createdAt;
    const answer = JSON.parse(r.answer) as Answer;
    const optionId = answer.kind === "option" ? answer.optionId : null;
    rows.set(r.questionId, { questionId: r.questionId, correct: r.correct, optionId, answeredAt: r.createdAt, firstAnsweredAt, responseId: r.id });
  }
  return [...rows.values()].sort((a, b) => (a.questionId < b.questionId ? -1 : 1));
}

async function takeQuiz(student: SessionUser, choice: "right" | "wrong"): Promise<void> {
  const attemptId = await startAttempt(student, { scope: "lesson", scopeId: slug, figuresOnly: false });
  for (const [questionId, answer] of Object.entries(answers[choice])) {
    // Twice at once, as a double click would: one answer is kept, and one latest answer.
    await Promise.all([0, 1].map(() => submitResponse(student, { attemptId, questionId, answer, timeTakenMs: 100 })));
  }
  await finishAttempt(student, attemptId);
}

describe(`latest answers on ${provider}`, () => {
  it("each saved answer becomes the student's latest to its question; the first answer's time stays", async () => {
    const student = await registerStudent({ name: "Retaker", email: `retaker-${provider}@example.com`, password: "long-enough-pw" });
    await takeQuiz(student, "wrong");
    const afterFirst = await latestRows(student.id);
    expect(afterFirst.map((r) => [r.questionId, r.correct])).toEqual([
      [mc, false],
      [tf, false],
    ]);
    expect(afterFirst.every((r) => r.answeredAt.getTime() === r.firstAnsweredAt.getTime())).toBe(true);

    await new Promise((resolve) => setTimeout(resolve, 5)); // the retake's answers are later by the clock
    await takeQuiz(student, "right");
    const afterRetake = await latestRows(student.id);
    expect(afterRetake.map((r) => [r.questionId, r.correct, r.optionId])).toEqual([
      [mc, true, "c"],
      [tf, true, null],
    ]);
    afterRetake.forEach((row, i) => {
      expect(row.firstAnsweredAt).toEqual(afterFirst[i].firstAnsweredAt);
      expect(row.answeredAt.getTime()).toBeGreaterThan(afterFirst[i].answeredAt.getTime());
    });
    expect(await db().response.count({ where: { attempt: { userId: student.id } } })).toBe(4);
    expect(afterRetake).toEqual(await expectedRows(student.id));
  });

  it("answers written in bulk and out of time order leave the same rows as answers given in order", async () => {
    const student = await registerStudent({ name: "Imported", email: `imported-${provider}@example.com`, password: "long-enough-pw" });
    const day = (d: number) => new Date(Date.UTC(2030, 0, d));
    const attempts = await Promise.all(
      [3, 1, 2].map((d) => db().attempt.create({ data: { userId: student.id, scope: "lesson", scopeId: slug, seed: d, questionIds: "[]", totalCount: 2, startedAt: day(d) }, select: { id: true } })),
    );
    // Day 3's answers first, then day 1's, then day 2's; two answers on day 2 share a millisecond
    // with each other's question but not with a question's other answers.
    await db().response.createMany({
      data: [
        { attemptId: attempts[0].id, questionId: mc, answer: JSON.stringify(answers.wrong[mc]), correct: false, timeTakenMs: 1, createdAt: day(3) },
        { attemptId: attempts[1].id, questionId: mc, answer: JSON.stringify(answers.right[mc]), correct: true, timeTakenMs: 1, createdAt: day(1) },
        { attemptId: attempts[1].id, questionId: tf, answer: JSON.stringify(answers.wrong[tf]), correct: false, timeTakenMs: 1, createdAt: day(1) },
        { attemptId: attempts[2].id, questionId: mc, answer: JSON.stringify(answers.right[mc]), correct: true, timeTakenMs: 1, createdAt: day(2) },
        { attemptId: attempts[2].id, questionId: tf, answer: JSON.stringify(answers.right[tf]), correct: true, timeTakenMs: 1, createdAt: day(2) },
      ],
    });
    const rows = await latestRows(student.id);
    expect(rows).toEqual(await expectedRows(student.id));
    expect(rows.map((r) => [r.questionId, r.correct, r.answeredAt, r.firstAnsweredAt])).toEqual([
      [mc, false, day(3), day(1)],
      [tf, true, day(2), day(1)],
    ]);
  });

  it("an answer that is refused (not a new one) changes nothing", async () => {
    const student = await registerStudent({ name: "Repeater", email: `repeater-${provider}@example.com`, password: "long-enough-pw" });
    const attemptId = await startAttempt(student, { scope: "lesson", scopeId: slug, figuresOnly: false });
    await submitResponse(student, { attemptId, questionId: mc, answer: answers.wrong[mc], timeTakenMs: 1 });
    const before = await latestRows(student.id);
    // A second answer to the same question in the same attempt is a repeat: the first one is kept.
    await submitResponse(student, { attemptId, questionId: mc, answer: answers.right[mc], timeTakenMs: 1 });
    expect(await latestRows(student.id)).toEqual(before);
    expect(before.map((r) => r.correct)).toEqual([false]);
  });
});
