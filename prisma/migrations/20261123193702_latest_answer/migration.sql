-- CreateTable
CREATE TABLE "LatestAnswer" (
    "userId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "answer" TEXT NOT NULL,
    "answeredAt" DATETIME NOT NULL,
    "firstAnsweredAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "questionId"),
    CONSTRAINT "LatestAnswer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LatestAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "LatestAnswer_questionId_idx" ON "LatestAnswer"("questionId");


-- Backfill from the answers already given: the same statement as rebuildLatestAnswers()
-- (lib/server/data/latest-answers.ts).
INSERT INTO "LatestAnswer" ("userId", "questionId", "correct", "answer", "answeredAt", "firstAnsweredAt")
SELECT "userId", "questionId", "correct", "answer", "createdAt", "firstAnsweredAt"
FROM (
  SELECT a."userId", r."questionId", r."correct", r."answer", r."createdAt",
         MIN(r."createdAt") OVER (PARTITION BY a."userId", r."questionId") AS "firstAnsweredAt",
         ROW_NUMBER() OVER (PARTITION BY a."userId", r."questionId" ORDER BY r."createdAt" DESC, r."id" DESC) AS "newest"
  FROM "Response" r
  JOIN "Attempt" a ON a."id" = r."attemptId"
) ranked
WHERE "newest" = 1;
