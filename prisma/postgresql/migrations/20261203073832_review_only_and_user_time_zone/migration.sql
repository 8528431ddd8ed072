-- AlterTable
ALTER TABLE "User" ADD COLUMN     "timeZone" TEXT;

-- AlterTable
ALTER TABLE "Question" ADD COLUMN     "reviewOnly" BOOLEAN NOT NULL DEFAULT false;

