import "server-only";
import { db } from "@/lib/server/db";
import { AppError, type MessageRef } from "@/lib/server/errors";
import type { SessionUser } from "@/lib/server/data/users";
import { canTeach } from "@/lib/schemas/roles";
import { documentError } from "@/lib/uploads/errors";
import { removeOriginal } from "@/lib/server/uploads-storage";
import type { DocumentReport, UploadInput } from "@/lib/server/data/document-build";
import { claimJob, enqueueUpload, ownDocument, runJob } from "@/lib/server/data/upload-jobs";

export type { DocumentReport, UploadInput } from "@/lib/server/data/document-build";

/** Questions the preview lists per type at first; the rest are counted and paged (decisions/0041). */
export const PREVIEW_PAGE_SIZE = 50;

function requireTeacher(viewer: SessionUser) {
  if (!canTeach(viewer.role)) throw documentError("FORBIDDEN", "onlyInstructors");
}

/**
 * Reads, builds and stores a document in this call, as the background job does (queue, claim, run):
 * for scripts and tests. Refusals and failures throw with their message and field, and leave no
 * lesson, row or stored file behind. `replaceId` regenerates that document under the same slug.
 */
export async function addDocument(viewer: SessionUser, input: UploadInput, replaceId?: string): Promise<{ id: string; slug: string }> {
  const { jobId } = await enqueueUpload(viewer, input, replaceId);
  const claim = await claimJob({ only: jobId });
  if (!claim) throw new Error(`upload job ${jobId} was claimed elsewhere`);
  await runJob(claim);
  const job = await db().uploadJob.findUniqueOrThrow({ where: { id: jobId }, select: { status: true, error: true, errorField: true, errorRef: true, documentId: true, lessonSlug: true } });
  if (job.status !== "done" || !job.documentId) throw new AppError("INVALID", job.error ?? "The document could not be built.", job.errorField ?? undefined, job.errorRef ? (JSON.parse(job.errorRef) as MessageRef) : undefined);
  return { id: job.documentId, slug: job.lessonSlug };
}

/** The viewer's documents (an admin's own), newest first, with the classes each is published to. */
export async function listDocuments(viewer: SessionUser) {
  requireTeacher(viewer);
  const rows = await db().uploadedDocument.findMany({
    where: { ownerId: viewer.id, deletedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, kind: true, fileName: true, bytes: true, createdAt: true, updatedAt: true, lesson: { select: { slug: true, title: true, language: true, publications: { select: { class: { select: { id: true, name: true } } } }, _count: { select: { questions: { where: { retiredAt: null } } } } } } },
  });
  return rows.map(({ lesson, ...d }) => ({ ...d, slug: lesson.slug, title: lesson.title, language: lesson.language, questionCount: lesson._count.questions, classes: lesson.publications.map((p) => p.class) }));
}

/**
 * What the preview page shows: the document, its build report, its active questions counted by
 * type with the first `shown[type]` of each (PREVIEW_PAGE_SIZE by default; a 1 MB document has
 * ~18,700 questions, which one page must not load), and the classes it may be published to.
 */
export async function getDocumentPreview(viewer: SessionUser, id: string, shown: Record<string, number> = {}) {
  const doc = await ownDocument(viewer, id);
  const where = { lessonSlug: doc.lessonSlug, retiredAt: null, reviewOnly: false };
  const [lesson, counts, classes] = await Promise.all([
    db().lesson.findUniqueOrThrow({ where: { slug: doc.lessonSlug }, select: { slug: true, title: true, language: true, source: true, body: true, publications: { select: { classId: true } } } }),
    db().question.groupBy({ by: ["type"], where, _count: { _all: true }, orderBy: { type: "asc" } }),
    db().class.findMany({ where: { instructors: { some: { userId: doc.ownerId } } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  const types = await Promise.all(
    counts.map(async (c) => {
      const take = Math.max(1, Math.min(c._count._all, Math.floor(shown[c.type] ?? PREVIEW_PAGE_SIZE)));
      const rows = await db().question.findMany({ where: { ...where, type: c.type }, orderBy: { id: "asc" }, take, select: { id: true, type: true, payload: true } });
      return {
        type: c.type,
        total: c._count._all,
        questions: rows.map((q) => ({ id: q.id, type: q.type, ...(JSON.parse(q.payload) as { stem: string; answerText: string; source: { quote: string } }) })),
      };
    }),
  );
  return {
    id: doc.id,
    kind: doc.kind,
    fileName: doc.fileName,
    bytes: doc.bytes,
    report: JSON.parse(doc.report) as DocumentReport,
    lesson,
    types,
    questionCount: types.reduce((n, t) => n + t.total, 0),
    classes,
    publishedTo: lesson.publications.map((p) => p.classId),
  };
}

/** Publishes the document to exactly these classes (the owner's own); students of other classes no longer see it. */
export async function publishDocument(viewer: SessionUser, id: string, classIds: string[]): Promise<void> {
  const doc = await ownDocument(viewer, id);
  const wanted = [...new Set(classIds)];
  const taught = await db().class.findMany({ where: { id: { in: wanted }, instructors: { some: { userId: doc.ownerId } } }, select: { id: true } });
  if (taught.length !== wanted.length) throw documentError("NOT_FOUND", "noSuchClass");
  await db().$transaction([
    db().lessonPublication.deleteMany({ where: { lessonSlug: doc.lessonSlug, classId: { notIn: wanted } } }),
    ...wanted.map((classId) => db().lessonPublication.upsert({ where: { lessonSlug_classId: { lessonSlug: doc.lessonSlug, classId } }, create: { lessonSlug: doc.lessonSlug, classId }, update: {} })),
  ]);
}

/**
 * Deletes a document: its lesson and questions are retired (hidden from everyone, answers and
 * statistics kept), its row marked deleted, its original file removed from the uploads folder.
 */
export async function deleteDocument(viewer: SessionUser, id: string, now = new Date()): Promise<void> {
  const doc = await ownDocument(viewer, id);
  await db().$transaction([
    db().uploadedDocument.update({ where: { id }, data: { deletedAt: now } }),
    db().lesson.update({ where: { slug: doc.lessonSlug }, data: { retiredAt: now } }),
    db().question.updateMany({ where: { lessonSlug: doc.lessonSlug, retiredAt: null }, data: { retiredAt: now } }),
  ]);
  removeOriginal(doc.storedName);
}
