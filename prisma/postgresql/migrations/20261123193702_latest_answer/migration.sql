-- CreateTable
CREATE TABLE "LatestAnswer" (
    "userId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "answer" TEXT NOT NULL,
    "answeredAt" TIMESTAMP(3) NOT NULL,
    "firstAnsweredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LatestAnswer_pkey" PRIMARY KEY ("userId","questionId")
);

-- CreateIndex
CREATE INDEX "LatestAnswer_questionId_idx" ON "LatestAnswer"("questionId");

-- AddForeignKey
ALTER TABLE "LatestAnswer" ADD CONSTRAINT "LatestAnswer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LatestAnswer" ADD CONSTRAINT "LatestAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


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
