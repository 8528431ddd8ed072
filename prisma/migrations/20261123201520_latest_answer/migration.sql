-- CreateTable
CREATE TABLE "LatestAnswer" (
    "userId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "optionId" TEXT,
    "answeredAt" DATETIME NOT NULL,
    "firstAnsweredAt" DATETIME NOT NULL,
    "responseId" TEXT NOT NULL,

    PRIMARY KEY ("userId", "questionId"),
    CONSTRAINT "LatestAnswer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LatestAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "LatestAnswer_questionId_idx" ON "LatestAnswer"("questionId");


-- Backfill from the answers already given. The latest answer is the last in ("createdAt", "id")
-- order, as the trigger below decides it.
INSERT INTO "LatestAnswer" ("userId", "questionId", "correct", "optionId", "answeredAt", "firstAnsweredAt", "responseId")
SELECT "userId", "questionId", "correct", CASE WHEN json_extract("answer", '$.kind') = 'option' THEN json_extract("answer", '$.optionId') END, "createdAt", "firstAnsweredAt", "id"
FROM (
  SELECT a."userId", r."questionId", r."correct", r."answer", r."createdAt", r."id",
         MIN(r."createdAt") OVER (PARTITION BY a."userId", r."questionId") AS "firstAnsweredAt",
         ROW_NUMBER() OVER (PARTITION BY a."userId", r."questionId" ORDER BY r."createdAt" DESC, r."id" DESC) AS "newest"
  FROM "Response" r
  JOIN "Attempt" a ON a."id" = r."attemptId"
) ranked
WHERE "newest" = 1;

-- Every new answer updates its student's row (decisions/0012) inside the same INSERT, so no write
-- path can forget it and a refused answer leaves nothing behind. Rows inserted out of time order
-- (bulk loads) give the same result: the newer answer wins, the earliest time stays the first.
CREATE TRIGGER "Response_latest_answer" AFTER INSERT ON "Response"
BEGIN
  INSERT INTO "LatestAnswer" ("userId", "questionId", "correct", "optionId", "answeredAt", "firstAnsweredAt", "responseId")
  SELECT a."userId", NEW."questionId", NEW."correct", CASE WHEN json_extract(NEW."answer", '$.kind') = 'option' THEN json_extract(NEW."answer", '$.optionId') END, NEW."createdAt", NEW."createdAt", NEW."id"
  FROM "Attempt" a
  WHERE a."id" = NEW."attemptId"
  ON CONFLICT ("userId", "questionId") DO UPDATE SET
    "correct" = excluded."correct", "optionId" = excluded."optionId", "answeredAt" = excluded."answeredAt", "responseId" = excluded."responseId"
  WHERE (excluded."answeredAt", excluded."responseId") > ("LatestAnswer"."answeredAt", "LatestAnswer"."responseId");
  UPDATE "LatestAnswer" SET "firstAnsweredAt" = NEW."createdAt"
  WHERE "userId" = (SELECT a."userId" FROM "Attempt" a WHERE a."id" = NEW."attemptId")
    AND "questionId" = NEW."questionId" AND "firstAnsweredAt" > NEW."createdAt";
END;
