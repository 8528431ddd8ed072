import { mkdtempSync, readdirSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/server/db";
import { syncContent } from "@/lib/server/data/content-sync";
import { createAccount, registerStudent, type SessionUser } from "@/lib/server/data/users";
import { assign, createClass, joinClass } from "@/lib/server/data/classes";
import { getLesson, getLessonHead, listLessons } from "@/lib/server/data/lessons";
import { listSectors } from "@/lib/server/data/sectors";
import { startAttempt, getAttemptView } from "@/lib/server/data/attempts";
import { quizOffer, sectorOffers } from "@/lib/server/data/quiz-offers";
import { studyLesson } from "@/lib/server/data/review";
import { getQuestionForReview } from "@/lib/server/data/question-detail";
import { editQuestion, setQuestionRetired } from "@/lib/server/data/question-review";
import { addDocument, deleteDocument, getDocumentPreview, listDocuments, publishDocument, type UploadInput } from "@/lib/server/data/documents";
import { fixtureContent } from "../support/quiz-fixtures";
import { CHINESE_UPLOAD, ENGLISH_UPLOAD } from "../support/upload-texts";
import { pdfOf } from "../support/upload-files";
import documentsEn from "@/messages/en/documents.json";

const provider = inject("databaseProvider");
const uploads = mkdtempSync(path.join(os.tmpdir(), "quiz-uploads-"));
let owner: SessionUser;
let otherTeacher: SessionUser;
let admin: SessionUser;
let inClass: SessionUser;
let otherClass: SessionUser;
let noClass: SessionUser;
let classA: string;
let classB: string;
let otherTeachersClass: string;

const paste = (text: string, extra: Partial<UploadInput> = {}): UploadInput => ({ kind: "paste", fileName: "", bytes: new TextEncoder().encode(text), title: "", language: "", source: "", ...extra });
const storedFiles = () => (existsSync(uploads) ? readdirSync(uploads, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length : 0);

beforeAll(async () => {
  process.env.UPLOADS_DIR = uploads;
  await syncContent({ ...fixtureContent(`docs-shared-${provider}`), retireMissingLessons: false });
  const make = (name: string, role: "INSTRUCTOR" | "ADMIN") => createAccount({ name, email: `docs-${name}-${provider}@example.com`, password: "long-enough-pw", role });
  owner = await make("owner", "INSTRUCTOR");
  otherTeacher = await make("other", "INSTRUCTOR");
  admin = await make("admin", "ADMIN");
  const student = (name: string) => registerStudent({ name, email: `docs-${name}-${provider}@example.com`, password: "long-enough-pw" });
  [inClass, otherClass, noClass] = await Promise.all([student("in-class"), student("other-class"), student("no-class")]);
  const a = await createClass(owner, "Docs A");
  const b = await createClass(owner, "Docs B");
  const c = await createClass(otherTeacher, "Docs C");
  [classA, classB, otherTeachersClass] = [a.id, b.id, c.id];
  await joinClass(inClass, a.joinCode);
  await joinClass(otherClass, b.joinCode);
});

describe(`documents added from the browser on ${provider}`, () => {
  it("belong to their owner until published; published, only that class's students see them, and a guessed slug or id is 404", async () => {
    const { id, slug } = await addDocument(owner, paste(ENGLISH_UPLOAD, { source: "Written for the tests" }));
    expect(slug).toMatch(/^u-[0-9a-f]{12}$/);
    const lesson = await db().lesson.findUniqueOrThrow({ where: { slug }, select: { ownerId: true, title: true, language: true, source: true } });
    expect(lesson).toEqual({ ownerId: owner.id, title: "Harbour cities and their factories", language: "en", source: "Written for the tests" });
    const questionIds = (await db().question.findMany({ where: { lessonSlug: slug }, select: { id: true } })).map((q) => q.id);
    expect(questionIds.length).toBeGreaterThan(5);
    const shared = `docs-shared-${provider}`;

    // Before publishing: the owner and admins only.
    expect((await listLessons(owner)).map((l) => l.slug)).toEqual(expect.arrayContaining([slug, shared]));
    expect(await getLesson(admin, slug)).not.toBeNull();
    for (const user of [otherTeacher, inClass, otherClass, noClass]) {
      expect((await listLessons(user)).map((l) => l.slug)).not.toContain(slug);
      expect((await listLessons(user)).map((l) => l.slug)).toContain(shared);
      expect(await getLesson(user, slug)).toBeNull();
      await expect(startAttempt(user, { scope: "lesson", scopeId: slug, figuresOnly: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await quizOffer(user, "lesson", slug, null)).toEqual({ questions: 0, figures: 0 });
    }
    await expect(studyLesson(inClass, slug, new Date())).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Another instructor cannot open, edit, retire or assign its questions, nor list or publish the document.
    await expect(getQuestionForReview(otherTeacher, questionIds[0])).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(editQuestion(otherTeacher, questionIds[0], { stem: "Hijacked?" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setQuestionRetired(otherTeacher, questionIds[0], true)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(assign(otherTeacher, otherTeachersClass, { scope: "lesson", scopeId: slug, dueAt: null })).rejects.toMatchObject({ code: "INVALID" });
    await expect(getDocumentPreview(otherTeacher, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(publishDocument(otherTeacher, id, [otherTeachersClass])).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listDocuments(otherTeacher)).toEqual([]);
    await expect(addDocument(inClass, paste(ENGLISH_UPLOAD))).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Sector pages count only the questions the reader may see.
    const robotsFor = async (user: SessionUser) => (await listSectors(user)).find((s) => s.id === "robots")?.questionCount ?? 0;
    expect(await robotsFor(owner)).toBeGreaterThan(await robotsFor(otherTeacher));
    expect((await sectorOffers(otherClass, null)).get("robots")?.questions ?? 0).toBe((await sectorOffers(noClass, null)).get("robots")?.questions ?? 0);

    // The owner cannot publish to someone else's class.
    await expect(publishDocument(owner, id, [otherTeachersClass])).rejects.toMatchObject({ code: "NOT_FOUND" });
    await publishDocument(owner, id, [classA]);
    expect(await getLesson(inClass, slug)).not.toBeNull();
    const attemptId = await startAttempt(inClass, { scope: "lesson", scopeId: slug, figuresOnly: false });
    expect((await getAttemptView(inClass, attemptId)).questions.length).toBeGreaterThan(0);
    // A signed-out reader (public lessons, decisions/0037) sees the shared library only, published or not.
    expect((await listLessons(null)).map((l) => l.slug)).toEqual(expect.arrayContaining([shared]));
    expect((await listLessons(null)).map((l) => l.slug)).not.toContain(slug);
    expect(await getLessonHead(null, slug)).toBeNull();
    expect(await getLessonHead(null, shared)).not.toBeNull();
    for (const user of [otherClass, noClass, otherTeacher]) {
      expect(await getLesson(user, slug)).toBeNull();
      await expect(startAttempt(user, { scope: "lesson", scopeId: slug, figuresOnly: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    // Publishing to B instead withdraws it from A.
    await publishDocument(owner, id, [classB]);
    expect(await getLesson(inClass, slug)).toBeNull();
    expect(await getLesson(otherClass, slug)).not.toBeNull();
    expect((await listDocuments(owner)).find((d) => d.id === id)?.classes.map((c) => c.name)).toEqual(["Docs B"]);
  });

  it("assigning one's own lesson publishes it to that class", async () => {
    const { slug } = await addDocument(owner, paste(CHINESE_UPLOAD, { title: "港口城市" }));
    expect((await db().lesson.findUniqueOrThrow({ where: { slug } })).language).toBe("zh");
    await assign(owner, classA, { scope: "lesson", scopeId: slug, dueAt: null });
    expect(await getLesson(inClass, slug)).not.toBeNull();
    expect(await getLesson(otherClass, slug)).toBeNull();
  });

  it("replacing the file regenerates under stable ids, retiring (never deleting) what is no longer generated; deleting hides it and keeps its answers", async () => {
    const { id, slug } = await addDocument(owner, paste(ENGLISH_UPLOAD));
    await publishDocument(owner, id, [classA]);
    const before = await db().question.findMany({ where: { lessonSlug: slug }, select: { id: true, sourceSentenceId: true } });
    const attemptId = await startAttempt(inClass, { scope: "lesson", scopeId: slug, figuresOnly: false });
    // Without the robots paragraph: its questions are retired, the rest keep their ids.
    const shorter = ENGLISH_UPLOAD.split("\n").filter((l) => !/robots/i.test(l)).join("\n");
    await addDocument(owner, { ...paste(shorter), kind: "txt", fileName: "harbour.txt" }, id);
    const after = await db().question.findMany({ where: { lessonSlug: slug }, select: { id: true, retiredAt: true } });
    // Every question ever generated is still there (answers point at them); new ones may be added.
    expect(after.map((q) => q.id)).toEqual(expect.arrayContaining(before.map((q) => q.id)));
    const retired = after.filter((q) => q.retiredAt).map((q) => q.id);
    expect(retired.every((r) => before.some((q) => q.id === r))).toBe(true);
    expect(retired.length).toBeGreaterThan(0);
    expect(after.filter((q) => !q.retiredAt).length).toBeGreaterThan(0);
    expect((await getDocumentPreview(owner, id)).report.sync.questions.retired).toBe(retired.length);
    expect(storedFiles()).toBeGreaterThan(0);
    const storedBefore = storedFiles();

    // The shared library's sync leaves instructors' lessons alone.
    await syncContent({ ...fixtureContent(`docs-shared-${provider}`), retireMissingLessons: true });
    expect((await db().lesson.findUniqueOrThrow({ where: { slug } })).retiredAt).toBeNull();

    await deleteDocument(owner, id);
    for (const user of [owner, inClass, admin]) expect(await getLesson(user, slug)).toBeNull();
    expect(await db().question.count({ where: { lessonSlug: slug } })).toBe(after.length);
    expect(await db().attempt.count({ where: { id: attemptId } })).toBe(1);
    expect(storedFiles()).toBe(storedBefore - 1);
    await expect(getDocumentPreview(owner, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a refused file leaves nothing behind, and the per-instructor limits hold", async () => {
    const teacher = await createAccount({ name: "limits", email: `docs-limits-${provider}@example.com`, password: "long-enough-pw", role: "INSTRUCTOR" });
    const files = storedFiles();
    await expect(addDocument(teacher, { kind: "pdf", fileName: "locked.pdf", bytes: await pdfOf(ENGLISH_UPLOAD, { encrypt: true }), title: "", language: "", source: "" })).rejects.toMatchObject({ message: documentsEn.errors.encryptedPdf, field: "file", translation: { key: "documents.errors.encryptedPdf" } });
    await expect(addDocument(teacher, paste("Only a few words."))).rejects.toMatchObject({ code: "INVALID", field: "text" });
    expect(await db().uploadedDocument.count({ where: { ownerId: teacher.id } })).toBe(0);
    expect(await db().lesson.count({ where: { ownerId: teacher.id } })).toBe(0);
    expect(storedFiles()).toBe(files);

    process.env.UPLOAD_MAX_DOCUMENTS = "1";
    try {
      await addDocument(teacher, paste(ENGLISH_UPLOAD));
      await expect(addDocument(teacher, paste(CHINESE_UPLOAD))).rejects.toMatchObject({ message: "You already have 1 document, the most one instructor can keep. Delete one first.", translation: { key: "documents.errors.tooManyDocuments", values: { limit: 1 } } });
    } finally {
      delete process.env.UPLOAD_MAX_DOCUMENTS;
    }
    process.env.UPLOAD_MAX_TOTAL_BYTES = String(ENGLISH_UPLOAD.length + 10);
    try {
      await expect(addDocument(teacher, paste(CHINESE_UPLOAD))).rejects.toMatchObject({ code: "INVALID", field: "file" });
    } finally {
      delete process.env.UPLOAD_MAX_TOTAL_BYTES;
    }
    expect(await db().uploadedDocument.count({ where: { ownerId: teacher.id } })).toBe(1);
  });
});
