import "server-only";
import { Prisma } from "@/lib/generated/prisma/sqlite/client";
import { db } from "@/lib/server/db";
import type { StudentLatestAnswers } from "@/lib/quiz/item-stats-fast";

/** Whose answers count: one class's students or everyone, optionally one lesson's questions. */
export interface ItemScope {
  classId?: string;
  lessonSlug?: string;
}

// The separator of the fields in the query's strings: a control character, which no question or
// option id contains (the content pipeline makes them from letters, digits, ":" and "-").
const SEPARATOR = "\u001f";

/**
 * One row per student, from "LatestAnswer" (one row per student and question, so nothing to sort
 * or dedupe): when they first answered a question in scope, and their latest answers as one string
 * of fields, three per answer: questionId␟+|-␟optionId (empty if none)␟questionId␟….
 *
 * Portable SQL for SQLite and PostgreSQL alike: identifiers double-quoted as in the migrations,
 * booleans read with CASE WHEN, string_agg (SQLite 3.44+).
 */
export function studentAnswersSql(scope: ItemScope): Prisma.Sql {
  const inClass = scope.classId ? Prisma.sql`AND l."userId" IN (SELECT e."userId" FROM "Enrollment" e WHERE e."classId" = ${scope.classId})` : Prisma.empty;
  const inLesson = scope.lessonSlug ? Prisma.sql`AND l."questionId" IN (SELECT q."id" FROM "Question" q WHERE q."lessonSlug" = ${scope.lessonSlug})` : Prisma.empty;
  return Prisma.sql`
    SELECT l."userId" AS "studentId", MIN(l."firstAnsweredAt") AS "firstAt",
           string_agg(
             l."questionId" || ${SEPARATOR} || CASE WHEN l."correct" THEN '+' ELSE '-' END || ${SEPARATOR} || COALESCE(l."optionId", ''),
             ${SEPARATOR}) AS "answers"
    FROM "LatestAnswer" l
    WHERE 1 = 1 ${inClass} ${inLesson}
    GROUP BY l."userId"`;
}

/** Each student's latest answer per question, students in the order they first answered. */
export async function queryStudentAnswers(scope: ItemScope): Promise<StudentLatestAnswers[]> {
  const rows = await db().$queryRaw<{ studentId: string; firstAt: Date | string; answers: string }[]>(studentAnswersSql(scope));
  const students = rows.map((row) => {
    const fields = row.answers.split(SEPARATOR);
    const student: StudentLatestAnswers & { firstAt: number } = { studentId: row.studentId, firstAt: new Date(row.firstAt).getTime(), questionIds: [], correct: [], optionIds: [] };
    for (let i = 0; i < fields.length; i += 3) {
      student.questionIds.push(fields[i]);
      student.correct.push(fields[i + 1] === "+");
      student.optionIds.push(fields[i + 2] || null);
    }
    return student;
  });
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
