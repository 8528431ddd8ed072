import "server-only";
import { Prisma } from "@/lib/generated/prisma/sqlite/client";
import { db } from "@/lib/server/db";
import { resolveDatabase } from "@/lib/database-url";
import type { StudentLatestAnswers } from "@/lib/quiz/item-stats-fast";

/** Whose answers count: one class's students or everyone, optionally one lesson's questions. */
export interface ItemScope {
  classId?: string;
  lessonSlug?: string;
}

/**
 * One row per student, from "LatestAnswer" (one row per student and question, so nothing to sort
 * or dedupe): when they first answered a question in scope, and their latest answers as three JSON
 * arrays of equal length (question ids, correct, option id or null), position i being one answer.
 * JSON, not strings joined with a separator: whatever a stored id contains, it stays one element
 * (an id holding the separator once shifted every later field, and the statistics counted answers
 * to questions never asked). The three aggregates of one group see its rows in the same order in
 * both databases (one pass over the group's rows feeds every aggregate), so positions line up.
 *
 * Identifiers double-quoted as in the migrations; booleans read with CASE WHEN; the aggregate is
 * json_group_array in SQLite and json_agg in PostgreSQL.
 */
export function studentAnswersSql(scope: ItemScope, provider = resolveDatabase().provider): Prisma.Sql {
  const inClass = scope.classId ? Prisma.sql`AND l."userId" IN (SELECT e."userId" FROM "Enrollment" e WHERE e."classId" = ${scope.classId})` : Prisma.empty;
  const inLesson = scope.lessonSlug ? Prisma.sql`AND l."questionId" IN (SELECT q."id" FROM "Question" q WHERE q."lessonSlug" = ${scope.lessonSlug})` : Prisma.empty;
  const agg = provider === "postgresql" ? Prisma.raw("json_agg") : Prisma.raw("json_group_array");
  // PostgreSQL hands json back parsed; ::text keeps one shape (a string) for both databases.
  const text = provider === "postgresql" ? Prisma.raw("::text") : Prisma.empty;
  return Prisma.sql`
    SELECT l."userId" AS "studentId", MIN(l."firstAnsweredAt") AS "firstAt",
           ${agg}(l."questionId")${text} AS "questionIds",
           ${agg}(CASE WHEN l."correct" THEN 1 ELSE 0 END)${text} AS "correct",
           ${agg}(l."optionId")${text} AS "optionIds"
    FROM "LatestAnswer" l
    WHERE 1 = 1 ${inClass} ${inLesson}
    GROUP BY l."userId"`;
}

/** Each student's latest answer per question, students in the order they first answered. */
export async function queryStudentAnswers(scope: ItemScope): Promise<StudentLatestAnswers[]> {
  const rows = await db().$queryRaw<{ studentId: string; firstAt: Date | string; questionIds: string; correct: string; optionIds: string }[]>(studentAnswersSql(scope));
  const students = rows.map((row) => ({
    studentId: row.studentId,
    firstAt: new Date(row.firstAt).getTime(),
    questionIds: JSON.parse(row.questionIds) as string[],
    correct: (JSON.parse(row.correct) as number[]).map((c) => c === 1),
    optionIds: JSON.parse(row.optionIds) as (string | null)[],
  }));
  return orderByFirstAnswer(students, scope);
}

/**
 * Students ordered by their first answer, as `itemStatistics` meets them (it breaks ties in the
 * 27% groups by that order). Two students whose first answers share a millisecond are ordered by
 * the database on ("createdAt", "id") of those answers, exactly as the reference's input is.
 */
async function orderByFirstAnswer<T extends { studentId: string; firstAt: number }>(students: T[], scope: ItemScope): Promise<T[]> {
  students.sort((a, b) => a.firstAt - b.firstAt);
  for (let i = 0; i < students.length; ) {
    let j = i + 1;
    while (j < students.length && students[j].firstAt === students[i].firstAt) j++;
    if (j - i > 1) students.splice(i, j - i, ...(await orderTied(students.slice(i, j), scope)));
    i = j;
  }
  return students;
}

async function orderTied<T extends { studentId: string }>(tied: T[], scope: ItemScope): Promise<T[]> {
  const inScope = (studentId: string) => ({ attempt: { userId: studentId }, ...(scope.lessonSlug ? { question: { lessonSlug: scope.lessonSlug } } : {}) });
  const firsts = await Promise.all(
    tied.map((s) => db().response.findFirstOrThrow({ where: inScope(s.studentId), orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } })),
  );
  const ordered = await db().response.findMany({ where: { id: { in: firsts.map((f) => f.id) } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { attempt: { select: { userId: true } } } });
  const byId = new Map(tied.map((s) => [s.studentId, s]));
  return ordered.map((r) => byId.get(r.attempt.userId)!);
}
