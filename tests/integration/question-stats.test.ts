import { beforeAll, describe, expect, inject, it } from "vitest";
import seedrandom from "seedrandom";
import { db } from "@/lib/server/db";
import { syncContent } from "@/lib/server/data/content-sync";
import { createAccount, registerStudent, type SessionUser } from "@/lib/server/data/users";
import { createClass, joinClass } from "@/lib/server/data/classes";
import { getQuestionStatistics } from "@/lib/server/data/question-stats";
import { visibleLessonWhere } from "@/lib/server/data/visibility";
import { itemStatistics, type ItemResponse, type ItemStats } from "@/lib/quiz/item-stats";
import { fixtureContent, fixtureQuestions } from "../support/quiz-fixtures";

const provider = inject("databaseProvider");
const slug = "oats";
let teacher: SessionUser;
let classId: string;

/**
 * A small, varied data set written straight into the tables (so times can be chosen): 9 students
 * in a class and 3 outside it, every question type, abilities that differ, retakes whose later
 * answer changes the outcome, options chosen unevenly (one distractor never), and two students
 * whose first answers share a millisecond (one in the class, one outside).
 */
beforeAll(async () => {
  await syncContent(fixtureContent(slug));
  teacher = await createAccount({ name: "Stats teacher", email: `stats-teacher-${provider}@example.com`, password: "long-enough-pw", role: "INSTRUCTOR" });
  const cls = await createClass(teacher, "Statistics");
  classId = cls.id;
  const questions = fixtureQuestions(slug);
  const random = seedrandom(`stats-${provider}`);
  const base = Date.UTC(2030, 0, 1);
  for (let s = 0; s < 12; s++) {
    const student = await registerStudent({ name: `Stats student ${s}`, email: `stats-${s}-${provider}@example.com`, password: "long-enough-pw" });
    if (s < 9) await joinClass(student, cls.joinCode);
    const ability = s / 11;
    // Students start an hour apart in shuffled order, except 4, who starts in the same millisecond as 9.
    const start = base + (s === 4 ? 3 : (s * 7) % 12) * 3_600_000;
    for (let take = 0; take < (s % 3) + 1; take++) {
      const at = new Date(start + take * 86_400_000);
      const attempt = await db().attempt.create({
        data: { userId: student.id, scope: "lesson", scopeId: slug, seed: s, questionIds: "[]", totalCount: questions.length, startedAt: at },
        select: { id: true },
      });
      const asked = questions.filter((_, i) => take === 0 || (i + s + take) % 2 === 0); // retakes ask some again
      await db().response.createMany({
        data: asked.map((q, i) => {
          const correct = random() < 0.15 + 0.75 * ability - (i === 1 ? 0.3 : 0) + take * 0.1;
          let answer: object;
          if (q.type === "figure-mc") answer = { kind: "option", optionId: correct ? "c" : random() < 0.8 ? "a" : "b" }; // "d" never chosen
          else if (q.type === "sector-id") answer = { kind: "option", optionId: correct ? "s1" : ["s2", "s3", "s4"][Math.floor(random() * 3)] };
          else if (q.type === "figure-typed") answer = { kind: "typed", text: correct ? "2.5 million" : "3 million" };
          else answer = { kind: "bool", value: correct };
          // Answers within an attempt share a timestamp, as when a quiz is saved at once.
          return { attemptId: attempt.id, questionId: q.id, answer: JSON.stringify(answer), correct, timeTakenMs: 1000, createdAt: at };
        }),
      });
    }
  }
});

/**
 * The reference: every answer in scope, in ("createdAt", "id") order, through `itemStatistics`.
 * Only questions of lessons the teacher may see count (decisions/0033): other suites share this
 * database and leave answers on lessons they retired or that another instructor owns.
 */
async function referenceStatistics(scope: { classId?: string }): Promise<Map<string, ItemStats>> {
  const students = scope.classId ? (await db().enrollment.findMany({ where: { classId: scope.classId }, select: { userId: true } })).map((e) => e.userId) : null;
  const responses = await db().response.findMany({
    where: { question: { lesson: visibleLessonWhere(teacher) }, ...(students ? { attempt: { userId: { in: students } } } : {}) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { questionId: true, correct: true, answer: true, attempt: { select: { userId: true } } },
  });
  const questions = await db().question.findMany({ where: { type: { in: ["figure-mc", "sector-id"] } }, select: { id: true, payload: true } });
  const optionIds = new Map(questions.map((q) => [q.id, (JSON.parse(q.payload) as { options: { id: string }[] }).options.map((o) => o.id)]));
  const input: ItemResponse[] = responses.map((r) => {
    const answer = JSON.parse(r.answer) as { kind: string; optionId?: string };
    return { studentId: r.attempt.userId, questionId: r.questionId, correct: r.correct, optionId: answer.kind === "option" ? answer.optionId : null };
  });
  return new Map(itemStatistics(input, optionIds).map((s) => [s.questionId, s]));
}

function expectSameNumbers(actual: ItemStats, expected: ItemStats) {
  expect(actual.answers).toBe(expected.answers);
  expect(actual.facility).toBeCloseTo(expected.facility, 9);
  for (const key of ["discrimination", "pointBiserial"] as const) {
    if (expected[key] === null) expect(actual[key]).toBeNull();
    else expect(actual[key]).toBeCloseTo(expected[key], 9);
  }
  expect(Object.keys(actual.optionShares).sort()).toEqual(Object.keys(expected.optionShares).sort());
  for (const [id, share] of Object.entries(expected.optionShares)) expect(actual.optionShares[id]).toBeCloseTo(share, 9);
  expect(actual.flags).toEqual(expected.flags);
}

describe(`question statistics on ${provider}`, () => {
  for (const scope of ["one class", "all students"] as const) {
    it(`match the reference computation for ${scope}`, async () => {
      const options = scope === "one class" ? { classId } : {};
      const expected = await referenceStatistics(options);
      const { rows: actual } = await getQuestionStatistics(teacher, { ...options, recalculate: true });
      expect(actual.map((s) => s.questionId).sort()).toEqual([...expected.keys()].sort());
      for (const row of actual) expectSameNumbers(row, expected.get(row.questionId)!);

      // The data set exercises what it is meant to: every question type, discrimination
      // computed, retakes counted once, uneven options with a distractor nobody chose.
      const mc = actual.find((s) => s.questionId === `${slug}-mc`)!;
      expect(actual.filter((s) => s.lessonSlug === slug)).toHaveLength(6);
      expect(mc.discrimination).not.toBeNull();
      expect(mc.pointBiserial).not.toBeNull();
      expect(mc.optionShares.d).toBe(0);
      expect(mc.flags).toContain("non-functional-distractor");
      expect(mc.answers).toBe(scope === "one class" ? 9 : 12);
    });
  }

  it("all students' numbers come from a snapshot for 10 minutes, a class's are live, and recalculating refreshes them", async () => {
    const t = new Date("2031-01-01T09:00:00Z");
    const first = await getQuestionStatistics(teacher, { recalculate: true }, t);
    expect(first.computedAt).toEqual(t);
    const answersOf = (rows: { questionId: string; answers: number }[]) => rows.find((r) => r.questionId === `${slug}-tf`)!.answers;
    // A new student answers: the class view (live) would count it at once; the all-students view
    // keeps its snapshot until it is 10 minutes old or an instructor recalculates.
    const late = await registerStudent({ name: "Late", email: `stats-late-${provider}@example.com`, password: "long-enough-pw" });
    const attempt = await db().attempt.create({ data: { userId: late.id, scope: "lesson", scopeId: slug, seed: 1, questionIds: "[]", totalCount: 6 }, select: { id: true } });
    await db().response.create({ data: { attemptId: attempt.id, questionId: `${slug}-tf`, answer: JSON.stringify({ kind: "bool", value: true }), correct: true, timeTakenMs: 1 } });
    const cached = await getQuestionStatistics(teacher, {}, new Date(t.getTime() + 9 * 60_000));
    expect(cached.computedAt).toEqual(t);
    expect(answersOf(cached.rows)).toBe(answersOf(first.rows));
    const stale = await getQuestionStatistics(teacher, {}, new Date(t.getTime() + 11 * 60_000));
    expect(answersOf(stale.rows)).toBe(answersOf(first.rows) + 1);
    const forced = await getQuestionStatistics(teacher, { recalculate: true }, new Date(t.getTime() + 12 * 60_000));
    expect(forced.computedAt).toEqual(new Date(t.getTime() + 12 * 60_000));
    // Students never see statistics, snapshot or not.
    await expect(getQuestionStatistics(late)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("count a stored answer whose option id holds separators as one answer to its own question", async () => {
    // Stored before answers were checked against their question (as a forged request once was):
    // the id smuggles another question's id, a "+" and an option between \u001f separators.
    const forger = await registerStudent({ name: "Forger", email: `stats-forger-${provider}@example.com`, password: "long-enough-pw" });
    await joinClass(forger, (await db().class.findUniqueOrThrow({ where: { id: classId }, select: { joinCode: true } })).joinCode);
    const attempt = await db().attempt.create({ data: { userId: forger.id, scope: "lesson", scopeId: slug, seed: 1, questionIds: "[]", totalCount: 6 }, select: { id: true } });
    const forged = { kind: "option", optionId: `s1\u001f${slug}-order\u001f+\u001fo1` };
    await db().response.create({ data: { attemptId: attempt.id, questionId: `${slug}-sector`, answer: JSON.stringify(forged), correct: false, timeTakenMs: 1 } });
    await db().response.create({ data: { attemptId: attempt.id, questionId: `${slug}-tf`, answer: JSON.stringify({ kind: "bool", value: true }), correct: true, timeTakenMs: 1 } });

    for (const options of [{ classId }, {}]) {
      const expected = await referenceStatistics(options);
      const { rows } = await getQuestionStatistics(teacher, { ...options, recalculate: true });
      // The forger never saw the ordering question: it has exactly the answers it had.
      expect(rows.find((r) => r.questionId === `${slug}-order`)!.answers).toBe(expected.get(`${slug}-order`)!.answers);
      expect(rows.map((s) => s.questionId).sort()).toEqual([...expected.keys()].sort());
      for (const row of rows) expectSameNumbers(row, expected.get(row.questionId)!);
    }
  });

  it("list questions a student flagged before those with only automatic flags", async () => {
    const before = (await getQuestionStatistics(teacher, { classId })).rows;
    // The question with the fewest automatic flags, while another has at least two more.
    const quiet = [...before].sort((a, b) => a.flags.length - b.flags.length)[0]!;
    expect(Math.max(...before.map((r) => r.flags.length))).toBeGreaterThan(quiet.flags.length + 1);
    const member = await db().enrollment.findFirstOrThrow({ where: { classId }, select: { userId: true } });
    await db().questionFlag.create({ data: { userId: member.userId, questionId: quiet.questionId, reason: "ambiguous" } });
    const after = (await getQuestionStatistics(teacher, { classId })).rows;
    expect(after[0]).toMatchObject({ questionId: quiet.questionId, studentFlags: 1 });
    await db().questionFlag.deleteMany({ where: { questionId: quiet.questionId } });
  });
});
