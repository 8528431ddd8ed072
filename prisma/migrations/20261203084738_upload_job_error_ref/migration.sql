-- AlterTable
ALTER TABLE "UploadJob" ADD COLUMN "errorRef" TEXT;

