import "server-only";
import { Prisma } from "@/lib/generated/prisma/sqlite/client";
import { db } from "@/lib/server/db";

/**
 * The "LatestAnswer" table: each student's latest answer to each question, with when they first
 * answered it (decisions/0012). Question statistics read it instead of every answer ever given.
 * It is written with each answer (`saveLatestAnswer`, in the answer's transaction) and can be
 * rebuilt from "Response" at any time (`rebuildLatestAnswers`); a test holds the two to the same rows.
 */

/** The upsert that records an answer as the student's latest to its question; run it in the answer's transaction. */
export function saveLatestAnswer(answer: { userId: string; questionId: string; correct: boolean; answer: string; at: Date }) {
  const { userId, questionId, correct, at } = answer;
  return db().latestAnswer.upsert({
    where: { userId_questionId: { userId, questionId } },
    create: { userId, questionId, correct, answer: answer.answer, answeredAt: at, firstAnsweredAt: at },
    update: { correct, answer: answer.answer, answeredAt: at },
  });
}

/**
 * The latest answer is the last in ("createdAt", "id") order, as the reference statistics read
 * them. The same statement backfills the table in its migration (both providers: portable SQL).
 */
const REBUILD_SQL = Prisma.sql`
  INSERT INTO "LatestAnswer" ("userId", "questionId", "correct", "answer", "answeredAt", "firstAnsweredAt")
  SELECT "userId", "questionId", "correct", "answer", "createdAt", "firstAnsweredAt"
  FROM (
    SELECT a."userId", r."questionId", r."correct", r."answer", r."createdAt",
           MIN(r."createdAt") OVER (PARTITION BY a."userId", r."questionId") AS "firstAnsweredAt",
           ROW_NUMBER() OVER (PARTITION BY a."userId", r."questionId" ORDER BY r."createdAt" DESC, r."id" DESC) AS "newest"
    FROM "Response" r
    JOIN "Attempt" a ON a."id" = r."attemptId"
  ) ranked
  WHERE "newest" = 1`;

/** Recomputes the whole table from "Response", for answers written in bulk (the load data set, tests). */
export async function rebuildLatestAnswers(): Promise<void> {
  await db().$transaction([db().latestAnswer.deleteMany(), db().$executeRaw(REBUILD_SQL)]);
}
