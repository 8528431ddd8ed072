-- AlterTable
ALTER TABLE "Class" ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';

