-- AlterTable
ALTER TABLE "User" ADD COLUMN "timeZone" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Question" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "lessonSlug" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "sourceSentenceId" TEXT NOT NULL,
    "factId" TEXT,
    "reviewOnly" BOOLEAN NOT NULL DEFAULT false,
    "retiredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Question_lessonSlug_fkey" FOREIGN KEY ("lessonSlug") REFERENCES "Lesson" ("slug") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Question" ("contentHash", "createdAt", "factId", "id", "language", "lessonSlug", "payload", "retiredAt", "sourceSentenceId", "type", "updatedAt") SELECT "contentHash", "createdAt", "factId", "id", "language", "lessonSlug", "payload", "retiredAt", "sourceSentenceId", "type", "updatedAt" FROM "Question";
DROP TABLE "Question";
ALTER TABLE "new_Question" RENAME TO "Question";
CREATE INDEX "Question_lessonSlug_retiredAt_idx" ON "Question"("lessonSlug", "retiredAt");
CREATE INDEX "Question_sourceSentenceId_idx" ON "Question"("sourceSentenceId");
CREATE INDEX "Question_factId_idx" ON "Question"("factId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

