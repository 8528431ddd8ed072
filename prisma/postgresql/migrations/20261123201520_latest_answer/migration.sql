-- CreateTable
CREATE TABLE "LatestAnswer" (
    "userId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "optionId" TEXT,
    "answeredAt" TIMESTAMP(3) NOT NULL,
    "firstAnsweredAt" TIMESTAMP(3) NOT NULL,
    "responseId" TEXT NOT NULL,

    CONSTRAINT "LatestAnswer_pkey" PRIMARY KEY ("userId","questionId")
);

-- CreateIndex
CREATE INDEX "LatestAnswer_questionId_idx" ON "LatestAnswer"("questionId");

-- AddForeignKey
ALTER TABLE "LatestAnswer" ADD CONSTRAINT "LatestAnswer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LatestAnswer" ADD CONSTRAINT "LatestAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Backfill from the answers already given. The latest answer is the last in ("createdAt", "id")
-- order, as the trigger below decides it.
INSERT INTO "LatestAnswer" ("userId", "questionId", "correct", "optionId", "answeredAt", "firstAnsweredAt", "responseId")
SELECT "userId", "questionId", "correct", CASE WHEN "answer"::jsonb ->> 'kind' = 'option' THEN "answer"::jsonb ->> 'optionId' END, "createdAt", "firstAnsweredAt", "id"
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
-- (The $$ body runs because the pg adapter is patched to send a migration as one script: decisions/0002.)
CREATE FUNCTION "response_latest_answer"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  student TEXT;
BEGIN
  SELECT a."userId" INTO student FROM "Attempt" a WHERE a."id" = NEW."attemptId";
  INSERT INTO "LatestAnswer" ("userId", "questionId", "correct", "optionId", "answeredAt", "firstAnsweredAt", "responseId")
  VALUES (student, NEW."questionId", NEW."correct", CASE WHEN NEW."answer"::jsonb ->> 'kind' = 'option' THEN NEW."answer"::jsonb ->> 'optionId' END, NEW."createdAt", NEW."createdAt", NEW."id")
  ON CONFLICT ("userId", "questionId") DO UPDATE SET
    "correct" = excluded."correct", "optionId" = excluded."optionId", "answeredAt" = excluded."answeredAt", "responseId" = excluded."responseId"
  WHERE (excluded."answeredAt", excluded."responseId") > ("LatestAnswer"."answeredAt", "LatestAnswer"."responseId");
  UPDATE "LatestAnswer" SET "firstAnsweredAt" = NEW."createdAt"
  WHERE "userId" = student AND "questionId" = NEW."questionId" AND "firstAnsweredAt" > NEW."createdAt";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Response_latest_answer" AFTER INSERT ON "Response"
FOR EACH ROW EXECUTE FUNCTION "response_latest_answer"();
