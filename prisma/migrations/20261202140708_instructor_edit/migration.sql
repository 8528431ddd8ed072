-- AlterTable
ALTER TABLE "QuestionEditLog" ADD COLUMN "instructorId" TEXT;

-- CreateTable
CREATE TABLE "InstructorEdit" (
    "instructorId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "stem" TEXT,
    "explanation" TEXT,
    "options" TEXT,
    "retired" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("instructorId", "questionId"),
    CONSTRAINT "InstructorEdit_instructorId_fkey" FOREIGN KEY ("instructorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "InstructorEdit_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "InstructorEdit_questionId_idx" ON "InstructorEdit"("questionId");

