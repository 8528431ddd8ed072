import "server-only";
import { Prisma } from "@/lib/generated/prisma/sqlite/client";
import { db } from "@/lib/server/db";
import type { StudentLatestAnswers } from "@/lib/quiz/item-stats-fast";

/** Whose answers count: one class's students or everyone, optionally one lesson's questions. */
export interface ItemScope {
  classId?: string;
  lessonSlug?: string;
}

// Separators that JSON.stringify never leaves raw in a string (it escapes control characters), so
// they cannot occur in an answer or in an id.
const ANSWER_SEPARATOR = "\u001f";
const FIELD_SEPARATOR = "\u001e";

/**
 * One row per student: when they first answered, and their answers in the order `itemStatistics`
 * receives them ("createdAt", then "id"), each as questionId␞+|-␞answer. The answer text is sent
 * only when it may be an option answer (it names "option"); the rest is never needed.
 *
 * Portable SQL for SQLite and PostgreSQL alike: identifiers double-quoted as in the migrations,
 * booleans read with CASE WHEN, string_agg(… ORDER BY …) (SQLite 3.44+). Grouping by student lets
 * the database sort each student's answers only among themselves; nothing is parsed in SQL.
 */
export function studentAnswersSql(scope: ItemScope): Prisma.Sql {
  const inClass = scope.classId ? Prisma.sql`AND a."userId" IN (SELECT e."userId" FROM "Enrollment" e WHERE e."classId" = ${scope.classId})` : Prisma.empty;
  const inLesson = scope.lessonSlug ? Prisma.sql`AND r."questionId" IN (SELECT q."id" FROM "Question" q WHERE q."lessonSlug" = ${scope.lessonSlug})` : Prisma.empty;
  return Prisma.sql`
    SELECT a."userId" AS "studentId", MIN(r."createdAt") AS "firstAt",
           string_agg(
             r."questionId" || ${FIELD_SEPARATOR} || CASE WHEN r."correct" THEN '+' ELSE '-' END || ${FIELD_SEPARATOR}
               || CASE WHEN r."answer" LIKE '%"option"%' THEN r."answer" ELSE '' END,
             ${ANSWER_SEPARATOR} ORDER BY r."createdAt", r."id") AS "answers"
    FROM "Response" r
    JOIN "Attempt" a ON a."id" = r."attemptId"
    WHERE 1 = 1 ${inClass} ${inLesson}
    GROUP BY a."userId"`;
}

/** Each student's latest answer per question, students in the order they first answered. */
export async function queryStudentAnswers(scope: ItemScope): Promise<StudentLatestAnswers[]> {
  const rows = await db().$queryRaw<{ studentId: string; firstAt: Date | string; answers: string }[]>(studentAnswersSql(scope));
  const optionOf = new Map<string, string | null>(); // the few distinct answer texts, parsed once
  const students = rows.map((row) => {
    const latest = new Map<string, { correct: boolean; optionId: string | null }>();
    for (const token of row.answers.split(ANSWER_SEPARATOR)) {
      const [questionId, sign, answer] = token.split(FIELD_SEPARATOR);
      let optionId = optionOf.get(answer);
      if (optionId === undefined) {
        const parsed = answer ? (JSON.parse(answer) as { kind?: string; optionId?: string }) : null;
        optionId = parsed?.kind === "option" ? (parsed.optionId ?? null) : null;
        optionOf.set(answer, optionId);
      }
      latest.delete(questionId); // re-inserted below: the later answer wins
      latest.set(questionId, { correct: sign === "+", optionId });
    }
    return { studentId: row.studentId, firstAt: new Date(row.firstAt).getTime(), latest };
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
