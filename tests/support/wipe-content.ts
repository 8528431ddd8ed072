import { db } from "@/lib/server/db";

/**
 * Deletes every lesson, sector and question with all that points at a question (progress, flags,
 * edits, and the uploads and publications that point at a lesson), children first. For suites that need the content tables to themselves: the integration run
 * shares one database between its files. A table that gains a reference to Question or Lesson belongs here.
 */
export async function wipeContent() {
  await db().questionEditLog.deleteMany();
  await db().questionOverride.deleteMany();
  await db().instructorEdit.deleteMany();
  await db().questionFlag.deleteMany();
  await db().latestAnswer.deleteMany();
  await db().response.deleteMany();
  await db().attempt.deleteMany();
  await db().questionSector.deleteMany();
  await db().question.deleteMany();
  await db().uploadJob.deleteMany();
  await db().uploadedDocument.deleteMany();
  await db().lessonPublication.deleteMany();
  await db().lesson.deleteMany();
  await db().sector.deleteMany();
}
