import { beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/server/db";
import { syncContent } from "@/lib/server/data/content-sync";
import { createAccount, registerStudent, type SessionUser } from "@/lib/server/data/users";
import { assign, createClass, joinClass, listMyAssignments } from "@/lib/server/data/classes";
import { finishAttempt, flagQuestion, startAttempt, submitResponse } from "@/lib/server/data/attempts";
import { getClassOverview, getStudentDrilldown } from "@/lib/server/data/class-progress";
import { exportClassCsv } from "@/lib/server/data/exports";
import type { Answer } from "@/lib/schemas/answer";
import { fixtureContent } from "../support/quiz-fixtures";

const provider = inject("databaseProvider");
const slug = "millet";
const right: Record<string, Answer> = {
  [`${slug}-mc`]: { kind: "option", optionId: "c" },
  [`${slug}-typed`]: { kind: "typed", text: "2500000" },
  [`${slug}-sector`]: { kind: "option", optionId: "s1" },
  [`${slug}-tf`]: { kind: "bool", value: true },
  [`${slug}-match`]: { kind: "matching", choices: ["m1", "m2", "m3"] },
  [`${slug}-order`]: { kind: "ordering", order: ["o1", "o2", "o3"] },
};

let teacher: SessionUser;
let classId: string;
let joinCode: string;

/** One finished lesson quiz: every question right, or one wrong and the rest blank; its start time set. */
async function quiz(user: SessionUser, how: "right" | "one-wrong", startedAt: Date): Promise<string> {
  const attemptId = await startAttempt(user, { scope: "lesson", scopeId: slug, figuresOnly: false });
  if (how === "right") for (const [questionId, answer] of Object.entries(right)) await submitResponse(user, { attemptId, questionId, answer, timeTakenMs: 1 });
  else await submitResponse(user, { attemptId, questionId: `${slug}-tf`, answer: { kind: "bool", value: false }, timeTakenMs: 1 });
  await finishAttempt(user, attemptId);
  await db().attempt.update({ where: { id: attemptId }, data: { startedAt, finishedAt: new Date(startedAt.getTime() + 60_000) } });
  return attemptId;
}

const at = (day: number) => new Date(Date.UTC(2030, 0, day));

beforeAll(async () => {
  await syncContent(fixtureContent(slug));
  teacher = await createAccount({ name: "Work teacher", email: `work-teacher-${provider}@example.com`, password: "long-enough-pw", role: "INSTRUCTOR" });
  const cls = await createClass(teacher, "Class work");
  classId = cls.id;
  joinCode = cls.joinCode;
});

describe(`class work on ${provider}`, () => {
  it("counts only quizzes on an assignment started after it was set and after joining; the first finished one scores", async () => {
    const student = await registerStudent({ name: "A Worker", email: `worker-${provider}@example.com`, password: "long-enough-pw" });
    const idler = await registerStudent({ name: "B Idler", email: `idler-${provider}@example.com`, password: "long-enough-pw" });
    const outsider = await registerStudent({ name: "Outsider", email: `outsider-${provider}@example.com`, password: "long-enough-pw" });

    // Self-study before joining (perfect), and after joining but before the assignment (perfect).
    const before = await quiz(student, "right", at(1));
    const idlerBefore = await quiz(idler, "right", at(1));
    await joinClass(student, joinCode);
    await joinClass(idler, joinCode);
    await db().enrollment.updateMany({ where: { classId }, data: { joinedAt: at(2) } });
    const preAssignment = await quiz(student, "right", at(3));
    const assignment = await assign(teacher, classId, { scope: "lesson", scopeId: slug, dueAt: at(20) });
    await db().assignment.update({ where: { id: assignment.id }, data: { createdAt: at(4) } });
    // Class work: a poor first attempt, then a perfect retake.
    const first = await quiz(student, "one-wrong", at(5));
    const retake = await quiz(student, "right", at(6));

    const overview = await getClassOverview(teacher, classId, at(7));
    const [worker, idle] = overview.students;
    expect(worker.name).toBe("A Worker");
    expect(worker.cells[0]).toMatchObject({ score: 0, attempts: 2, status: "done" });
    expect(idle.cells[0]).toMatchObject({ score: null, attempts: 0, status: "open" });
    expect(overview.assignments[0]).toMatchObject({ averageScore: 0, completed: 1 });
    expect(worker.needsHelp).toContain("an assignment score under 60%");
    // The student's own list shows the same score.
    expect((await listMyAssignments(student)).find((c) => c.id === classId)!.assignments[0].score).toBe(0);

    // The drill-down shows class work only, newest first.
    expect((await getStudentDrilldown(teacher, classId, student.id)).attempts.map((a) => a.id)).toEqual([retake, first]);
    expect((await getStudentDrilldown(teacher, classId, idler.id)).attempts).toEqual([]);

    // The table CSV has the score column; the responses CSV holds class work only.
    const table = (await exportClassCsv(teacher, classId, "table")).csv;
    expect(table).toContain(`${slug}_score`);
    const responses = (await exportClassCsv(teacher, classId, "responses")).csv;
    for (const id of [first, retake]) expect(responses).toContain(id);
    for (const id of [before, preAssignment, idlerBefore]) expect(responses).not.toContain(id);
    expect(responses.trim().split("\r\n")).toHaveLength(1 + 1 + 6);
    // Answers read as the student saw them, not as stored JSON (the JSON stays in answer_raw).
    const lines = responses.trim().split("\r\n");
    const columns = lines[0].replace(/^\uFEFF/, "").split(",");
    const answerOf = (questionId: string) => lines.find((l) => l.includes(`,${questionId},`) && l.includes(retake))!.split(",")[columns.indexOf("answer")];
    expect(answerOf(`${slug}-mc`)).toBe("28%");
    expect(answerOf(`${slug}-order`)).toBe("Rice → Wheat → Maize");
    expect(responses).toContain("Rice → 28%; Wheat → 12%; Maize → 7%");
    expect(answerOf(`${slug}-tf`)).toBe("True");
    const drilled = (await getStudentDrilldown(teacher, classId, student.id)).attempts.find((a) => a.id === retake)!;
    expect(drilled.title).toBe(`Farming ${slug}`);
    expect(drilled.responses.find((r) => r.questionId === `${slug}-mc`)).toMatchObject({ answerAsSeen: "28%", answerText: "28%" });
    expect(drilled.responses.find((r) => r.questionId === `${slug}-typed`)).toMatchObject({ answerAsSeen: "2500000" });

    // The questions CSV counts flags by the class's students only.
    const outsiderQuiz = await startAttempt(outsider, { scope: "lesson", scopeId: slug, figuresOnly: false });
    await submitResponse(outsider, { attemptId: outsiderQuiz, questionId: `${slug}-tf`, answer: right[`${slug}-tf`], timeTakenMs: 1 });
    await flagQuestion(outsider, { questionId: `${slug}-tf`, reason: "ambiguous" });
    await flagQuestion(student, { questionId: `${slug}-tf`, reason: "wrong-key" });
    const questions = (await exportClassCsv(teacher, classId, "questions")).csv.trim().split("\r\n");
    const header = questions[0].replace(/^\uFEFF/, "").split(",");
    const row = questions.find((l) => l.startsWith(`${slug}-tf,`))!.split(",");
    expect(row[header.indexOf("student_flags")]).toBe("1");
  });
});
