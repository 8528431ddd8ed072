import { beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/server/db";
import { syncContent } from "@/lib/server/data/content-sync";
import { registerStudent, type SessionUser } from "@/lib/server/data/users";
import { finishAttempt, startAttempt, submitResponse } from "@/lib/server/data/attempts";
import { rebuildLatestAnswers } from "@/lib/server/data/latest-answers";
import type { Answer } from "@/lib/schemas/answer";
import { fixtureContent, fixtureQuestions } from "../support/quiz-fixtures";

const provider = inject("databaseProvider");
const slug = "millet";
let student: SessionUser;

beforeAll(async () => {
  await syncContent(fixtureContent(slug));
  student = await registerStudent({ name: "Retaker", email: `retaker-${provider}@example.com`, password: "long-enough-pw" });
});

const answers = {
  right: { [`${slug}-mc`]: { kind: "option", optionId: "c" }, [`${slug}-tf`]: { kind: "bool", value: true } },
  wrong: { [`${slug}-mc`]: { kind: "option", optionId: "a" }, [`${slug}-tf`]: { kind: "bool", value: false } },
} satisfies Record<string, Record<string, Answer>>;

async function latestRows(userId: string) {
  const rows = await db().latestAnswer.findMany({ where: { userId }, orderBy: { questionId: "asc" } });
  return rows.map(({ questionId, correct, answer, answeredAt, firstAnsweredAt }) => ({ questionId, correct, answer, answeredAt, firstAnsweredAt }));
}

/** Takes the lesson quiz, answering the two questions as given, and returns when each answer was saved. */
async function takeQuiz(choice: "right" | "wrong"): Promise<void> {
  const attemptId = await startAttempt(student, { scope: "lesson", scopeId: slug, figuresOnly: false });
  for (const [questionId, answer] of Object.entries(answers[choice])) {
    // Twice at once, as a double click would: one answer is kept, and one latest answer.
    await Promise.all([0, 1].map(() => submitResponse(student, { attemptId, questionId, answer, timeTakenMs: 100 })));
  }
  await finishAttempt(student, attemptId);
}

describe(`latest answers on ${provider}`, () => {
  it("each saved answer becomes the student's latest to its question, as a rebuild from all answers finds", async () => {
    expect(fixtureQuestions(slug).map((q) => q.id)).toEqual(expect.arrayContaining(Object.keys(answers.right)));
    await takeQuiz("wrong");
    const afterFirst = await latestRows(student.id);
    expect(afterFirst.map((r) => [r.questionId, r.correct])).toEqual([
      [`${slug}-mc`, false],
      [`${slug}-tf`, false],
    ]);
    expect(afterFirst.every((r) => r.answeredAt.getTime() === r.firstAnsweredAt.getTime())).toBe(true);

    await new Promise((resolve) => setTimeout(resolve, 5)); // the retake's answers are later by the clock
    await takeQuiz("right");
    const afterRetake = await latestRows(student.id);
    expect(afterRetake.map((r) => [r.questionId, r.correct, JSON.parse(r.answer)])).toEqual([
      [`${slug}-mc`, true, answers.right[`${slug}-mc`]],
      [`${slug}-tf`, true, answers.right[`${slug}-tf`]],
    ]);
    // The first answer's time stays; the latest answer's time moves on.
    afterRetake.forEach((row, i) => {
      expect(row.firstAnsweredAt).toEqual(afterFirst[i].firstAnsweredAt);
      expect(row.answeredAt.getTime()).toBeGreaterThan(afterFirst[i].answeredAt.getTime());
    });
    expect(await db().response.count({ where: { attempt: { userId: student.id } } })).toBe(4);

    // What was written answer by answer is what a rebuild from every answer computes.
    await rebuildLatestAnswers();
    expect(await latestRows(student.id)).toEqual(afterRetake);
  });
});
