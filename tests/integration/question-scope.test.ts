import { beforeAll, describe, expect, inject, it } from "vitest";
import { syncContent } from "@/lib/server/data/content-sync";
import { createAccount, registerStudent, type SessionUser } from "@/lib/server/data/users";
import { createClass, joinClass, listTaughtClasses } from "@/lib/server/data/classes";
import { editQuestion, setQuestionRetired } from "@/lib/server/data/question-review";
import { getQuestionForReview } from "@/lib/server/data/question-detail";
import { getQuestionStatistics } from "@/lib/server/data/question-stats";
import { finishAttempt, getAttemptResult, getAttemptView, startAttempt, submitResponse } from "@/lib/server/data/attempts";
import { fixtureContent } from "../support/quiz-fixtures";

// Finding 5 of issue 11: an instructor's edit or retirement applies to their own classes only; an
// admin's edit is the shared bank; option edits cannot move the key away from its words.
const provider = inject("databaseProvider");
const slug = "einkorn";
const password = "long-enough-pw";
let teacherA: SessionUser, teacherB: SessionUser, admin: SessionUser;
let studentA: SessionUser, studentB: SessionUser, loner: SessionUser;

beforeAll(async () => {
  await syncContent(fixtureContent(slug));
  const account = (name: string, role: "INSTRUCTOR" | "ADMIN") => createAccount({ name, email: `${name.toLowerCase()}-${provider}@example.com`, password, role });
  const student = (name: string) => registerStudent({ name, email: `${name.toLowerCase()}-${provider}@example.com`, password });
  [teacherA, teacherB, admin] = await Promise.all([account("TeacherA", "INSTRUCTOR"), account("TeacherB", "INSTRUCTOR"), account("ScopeAdmin", "ADMIN")]);
  [studentA, studentB, loner] = await Promise.all([student("StudentA"), student("StudentB"), student("Loner")]);
  await joinClass(studentA, (await createClass(teacherA, "A's class")).joinCode);
  await joinClass(studentB, (await createClass(teacherB, "B's class")).joinCode);
});

async function quizOf(student: SessionUser) {
  const view = await getAttemptView(student, await startAttempt(student, { scope: "lesson", scopeId: slug, figuresOnly: false }));
  return { id: view.id, questions: new Map(view.questions.map((q) => [q.question.id, q.question])) };
}

describe(`question edit scope on ${provider}`, () => {
  it("keeps instructor A's edits and retirements to A and A's students; an admin's edit reaches everyone else", async () => {
    await editQuestion(admin, `${slug}-mc`, { stem: "Shared bank: what share of farmland grew millet?" });
    await editQuestion(admin, `${slug}-sector`, { explanation: "Shared explanation." });
    await editQuestion(teacherA, `${slug}-mc`, { stem: "Teacher A: what share of farmland grew millet?" });
    await setQuestionRetired(teacherA, `${slug}-tf`, true);

    const [a, b, alone] = await Promise.all([quizOf(studentA), quizOf(studentB), quizOf(loner)]);
    expect(a.questions.get(`${slug}-mc`)?.stem).toBe("Teacher A: what share of farmland grew millet?");
    expect(a.questions.has(`${slug}-tf`)).toBe(false);
    for (const other of [b, alone]) {
      expect(other.questions.get(`${slug}-mc`)?.stem).toBe("Shared bank: what share of farmland grew millet?");
      expect(other.questions.has(`${slug}-tf`)).toBe(true);
    }
    // The admin's explanation reaches A's students too: A did not change that field.
    const answered = await submitResponse(studentA, { attemptId: a.id, questionId: `${slug}-sector`, answer: { kind: "option", optionId: "s1" }, timeTakenMs: 1000 });
    expect(answered.explanation).toBe("Shared explanation.");

    expect((await getQuestionForReview(teacherB, `${slug}-mc`)).stem).toBe("Shared bank: what share of farmland grew millet?");
    expect((await getQuestionForReview(teacherB, `${slug}-tf`)).retired).toBe(false);
    expect((await getQuestionForReview(teacherA, `${slug}-mc`)).stem).toBe("Teacher A: what share of farmland grew millet?");

    // Class statistics show each class the version its students were asked.
    for (const [student, quiz] of [[studentA, a], [studentB, b]] as const) {
      await submitResponse(student, { attemptId: quiz.id, questionId: `${slug}-mc`, answer: { kind: "option", optionId: "c" }, timeTakenMs: 1000 });
    }
    const classOf = async (teacher: SessionUser) => (await listTaughtClasses(teacher))[0].id;
    const statsA = await getQuestionStatistics(teacherA, { classId: await classOf(teacherA) });
    const statsB = await getQuestionStatistics(teacherB, { classId: await classOf(teacherB) });
    expect(statsA.rows.find((r) => r.questionId === `${slug}-mc`)?.stem).toBe("Teacher A: what share of farmland grew millet?");
    expect(statsB.rows.find((r) => r.questionId === `${slug}-mc`)?.stem).toBe("Shared bank: what share of farmland grew millet?");
  });

  it("refuses option texts that swap or copy another option's words, so the key keeps its text", async () => {
    // c is the key ("28%"); b is a distractor ("23%").
    await expect(editQuestion(teacherB, `${slug}-mc`, { optionTexts: { b: "28%", c: "23%" } })).rejects.toMatchObject({ code: "INVALID" });
    await expect(editQuestion(teacherB, `${slug}-mc`, { optionTexts: { b: " 28% " } })).rejects.toMatchObject({ code: "INVALID" });
    await expect(editQuestion(admin, `${slug}-match`, { optionTexts: { m1: "12%", m2: "28%" } })).rejects.toMatchObject({ code: "INVALID" });
    // Rewording the key is allowed, and the answer shown follows the key's option.
    await editQuestion(teacherB, `${slug}-mc`, { optionTexts: { c: "28 percent" } });

    const quiz = await quizOf(studentB);
    expect(quiz.questions.get(`${slug}-mc`)?.options.map((o) => [o.id, o.text]).sort()).toEqual([["a", "18%"], ["b", "23%"], ["c", "28 percent"], ["d", "33%"]]);
    await finishAttempt(studentB, quiz.id);
    const result = await getAttemptResult(studentB, quiz.id);
    const mc = result.items.find((i) => i.questionId === `${slug}-mc`)!;
    expect(mc.feedback).toMatchObject({ correct: true, answerText: "28 percent" });
    expect(mc.yourAnswer).toBe("28 percent");
    // Teacher A's students still read the original words.
    expect((await quizOf(studentA)).questions.get(`${slug}-mc`)?.options.find((o) => o.id === "c")?.text).toBe("28%");
  });
});
