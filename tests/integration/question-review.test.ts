import { beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/server/db";
import { syncContent } from "@/lib/server/data/content-sync";
import { createAccount, registerStudent, type SessionUser } from "@/lib/server/data/users";
import { editQuestion, getEditLog, setQuestionRetired } from "@/lib/server/data/question-review";
import { getAttemptView, startAttempt } from "@/lib/server/data/attempts";
import { createClass, joinClass } from "@/lib/server/data/classes";
import { fixtureContent } from "../support/quiz-fixtures";

const provider = inject("databaseProvider");
let teacher: SessionUser;
let student: SessionUser;

beforeAll(async () => {
  await syncContent(fixtureContent("barley"));
  teacher = await createAccount({ name: "Reviewer", email: `reviewer-${provider}@example.com`, password: "long-enough-pw", role: "INSTRUCTOR" });
  student = await registerStudent({ name: "Learner", email: `learner-${provider}@example.com`, password: "long-enough-pw" });
  // An instructor's edits reach the students of their classes (decisions/0019).
  await joinClass(student, (await createClass(teacher, "Reviewer's class")).joinCode);
});

describe(`question review on ${provider}`, () => {
  it("edits survive content:sync, are logged, and show in new quizzes; retired questions do not", async () => {
    await expect(editQuestion(student, "barley-mc", { stem: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await editQuestion(teacher, "barley-mc", { stem: "In 2020, what share of farmland grew barley?", optionTexts: { a: "17%" } });
    await expect(editQuestion(teacher, "barley-mc", { optionTexts: { a: "23%" } })).rejects.toMatchObject({ code: "INVALID" });
    await setQuestionRetired(teacher, "barley-tf", true);
    await syncContent(fixtureContent("barley")); // regeneration must not undo the review

    const view = await getAttemptView(student, await startAttempt(student, { scope: "lesson", scopeId: "barley", figuresOnly: false }));
    const ids = view.questions.map((q) => q.question.id);
    expect(ids).not.toContain("barley-tf");
    const mc = view.questions.find((q) => q.question.id === "barley-mc")!.question;
    expect(mc.stem).toBe("In 2020, what share of farmland grew barley?");
    expect(mc.options.map((o) => o.text)).toContain("17%");

    const log = await getEditLog(teacher, "barley-mc");
    expect(log.map((l) => l.field).sort()).toEqual(["options", "stem"]);
    expect(log.find((l) => l.field === "stem")).toMatchObject({ before: "What share of farmland grew rice in 2020?", user: { name: "Reviewer" } });

    await setQuestionRetired(teacher, "barley-tf", false);
    expect((await db().instructorEdit.findUniqueOrThrow({ where: { instructorId_questionId: { instructorId: teacher.id, questionId: "barley-tf" } } })).retired).toBe(false);
    expect((await getEditLog(teacher, "barley-tf")).map((l) => l.after)).toEqual(["true", "false"]);
  });
});
