import "server-only";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { stringify as toYaml } from "yaml";
import { db } from "@/lib/server/db";
import type { SessionUser } from "@/lib/server/data/users";
import { canTeach } from "@/lib/schemas/roles";
import { buildBundle, type BuildStats } from "@/lib/quizgen/build";
import type { ContentBundle } from "@/lib/quizgen/schema";
import { syncContent, type SyncReport } from "@/lib/server/data/content-sync";
import { bundleToSyncInput } from "@/scripts/lib/bundle-to-sync";
import { defaultTitle, detectLanguage, extractUpload, UploadRefusal, type UploadKind } from "@/lib/uploads/extract";
import { documentError, megabytes } from "@/lib/uploads/errors";
import { removeOriginal, storeOriginal, uploadLimits } from "@/lib/server/uploads-storage";

/** Lessons added from the browser come after the shared library in lesson lists. */
const UPLOADED_POSITION = 100_000;
const MAX_REJECTED_KEPT = 1000;

export interface UploadInput {
  kind: UploadKind;
  fileName: string;
  bytes: Uint8Array;
  title: string;
  /** "" = detect from the text. */
  language: "" | "en" | "zh";
  source: string;
}

export interface DocumentReport {
  questions: Record<string, number>;
  figures: number;
  checks: BuildStats["checks"];
  rejected: { type: string; stem: string; reasons: string[] }[];
  rejectedTotal: number;
  sync: SyncReport;
}

function requireTeacher(viewer: SessionUser) {
  if (!canTeach(viewer.role)) throw documentError("FORBIDDEN", "onlyInstructors");
}

function lexiconYaml(): string {
  return readFileSync(path.join(/*turbopackIgnore: true*/ process.env.CONTENT_DIR ?? "content", "sectors.yaml"), "utf8");
}

/** Builds the text exactly as content/ would build a file with this front matter (docs/content-format.md). */
function buildDocument(slug: string, text: string, meta: { title: string; language: "en" | "zh"; source: string }): { bundle: ContentBundle; stats: BuildStats } {
  const frontMatter = toYaml({ slug, title: meta.title, language: meta.language, ...(meta.source ? { source: meta.source } : {}) });
  const result = buildBundle([{ name: `${slug}.md`, text: `---\n${frontMatter}---\n${text}\n` }], lexiconYaml());
  const error = result.bundle.errors[0];
  if (error) throw new UploadRefusal("buildFailed", { message: error.message }, "text");
  return result;
}

function reportOf(bundle: ContentBundle, stats: BuildStats, sync: SyncReport): DocumentReport {
  const questions: Record<string, number> = {};
  for (const q of bundle.questions) questions[q.type] = (questions[q.type] ?? 0) + 1;
  return {
    questions,
    figures: bundle.figures.length,
    checks: stats.checks,
    rejected: bundle.rejected.slice(0, MAX_REJECTED_KEPT).map((r) => ({ type: r.type, stem: r.stem, reasons: r.reasons })),
    rejectedTotal: bundle.rejected.length,
    sync,
  };
}

/** The owner's document (not deleted); anyone else's, or a deleted one, is NOT_FOUND. Admins reach every document. */
async function ownDocument(viewer: SessionUser, id: string) {
  requireTeacher(viewer);
  const doc = await db().uploadedDocument.findFirst({ where: { id, deletedAt: null, ...(viewer.role === "ADMIN" ? {} : { ownerId: viewer.id }) } });
  if (!doc) throw documentError("NOT_FOUND", "noSuchDocument");
  return doc;
}

async function refuseOverLimits(ownerId: string, addedBytes: number, replacing: { bytes: number } | null) {
  const { maxDocuments, maxTotalBytes } = uploadLimits();
  const kept = await db().uploadedDocument.aggregate({ where: { ownerId, deletedAt: null }, _count: { _all: true }, _sum: { bytes: true } });
  if (!replacing && kept._count._all >= maxDocuments) throw new UploadRefusal("tooManyDocuments", { limit: maxDocuments });
  if ((kept._sum.bytes ?? 0) - (replacing?.bytes ?? 0) + addedBytes > maxTotalBytes) throw new UploadRefusal("storageFull", { limit: megabytes(maxTotalBytes) });
}

/**
 * Reads, builds and stores a new document, owned by the viewer and published to nobody; or, with
 * `replaceId`, regenerates that document from a new file under the same slug (stable ids: questions
 * no longer generated are retired, never deleted; content sync's code does it). All or nothing: a
 * refused file, a failed build or a failed write leaves no lesson, row or stored file behind.
 */
export async function addDocument(viewer: SessionUser, input: UploadInput, replaceId?: string): Promise<{ id: string; slug: string }> {
  requireTeacher(viewer);
  const previous = replaceId ? await ownDocument(viewer, replaceId) : null;
  const ownerId = previous?.ownerId ?? viewer.id;
  await refuseOverLimits(ownerId, input.bytes.byteLength, previous);
  const text = await extractUpload(input);
  const title = input.title.trim() || defaultTitle(text);
  const language = input.language || detectLanguage(text);
  const slug = previous?.lessonSlug ?? `u-${randomBytes(6).toString("hex")}`;
  const { bundle, stats } = buildDocument(slug, text, { title, language, source: input.source.trim() });
  const ext = input.kind === "paste" ? "txt" : input.kind;
  const storedName = storeOriginal(ownerId, slug, ext, input.bytes);
  let id = previous?.id ?? "";
  try {
    const sync = bundleToSyncInput(bundle);
    let report: DocumentReport | null = null;
    await syncContent({
      ...sync,
      lessons: sync.lessons.map((l) => ({ ...l, ownerId, position: UPLOADED_POSITION })),
      retireMissingLessons: false,
      within: async (tx) => {
        const data = { kind: input.kind, fileName: input.fileName.slice(0, 255), storedName, bytes: input.bytes.byteLength, report: "" };
        report = reportOf(bundle, stats, { lessons: { created: 0, updated: 0, unchanged: 0, retired: 0 }, questions: { created: 0, updated: 0, unchanged: 0, retired: 0, restored: 0 } });
        data.report = JSON.stringify(report);
        if (previous) await tx.uploadedDocument.update({ where: { id: previous.id }, data });
        else id = (await tx.uploadedDocument.create({ data: { ...data, ownerId, lessonSlug: slug }, select: { id: true } })).id;
      },
    }).then(async (syncReport) => {
      // The sync's own counts (new, changed, retired questions) complete the stored report.
      if (report) await db().uploadedDocument.update({ where: { id }, data: { report: JSON.stringify({ ...(report as DocumentReport), sync: syncReport }) } });
    });
  } catch (error) {
    removeOriginal(storedName);
    throw error;
  }
  if (previous) removeOriginal(previous.storedName);
  return { id, slug };
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

/** What the preview page shows: the document, its build report, its active questions and the classes it may be published to. */
export async function getDocumentPreview(viewer: SessionUser, id: string) {
  const doc = await ownDocument(viewer, id);
  const [lesson, questions, classes] = await Promise.all([
    db().lesson.findUniqueOrThrow({ where: { slug: doc.lessonSlug }, select: { slug: true, title: true, language: true, source: true, body: true, publications: { select: { classId: true } } } }),
    db().question.findMany({ where: { lessonSlug: doc.lessonSlug, retiredAt: null, reviewOnly: false }, orderBy: { id: "asc" }, select: { id: true, type: true, payload: true } }),
    db().class.findMany({ where: { instructors: { some: { userId: doc.ownerId } } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return {
    id: doc.id,
    kind: doc.kind,
    fileName: doc.fileName,
    bytes: doc.bytes,
    report: JSON.parse(doc.report) as DocumentReport,
    lesson,
    questions: questions.map((q) => ({ id: q.id, type: q.type, ...(JSON.parse(q.payload) as { stem: string; answerText: string; source: { quote: string } }) })),
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
