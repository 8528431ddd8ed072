import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, inject, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import { db } from "@/lib/server/db";
import { syncContent } from "@/lib/server/data/content-sync";
import { createAccount, type SessionUser } from "@/lib/server/data/users";
import { claimJob, enqueueUpload, estimatedPercent, expectedStageRates, getJobStatus, JOB_ERRORS, MAX_ATTEMPTS, pruneFinishedJobs, recoverStaleJobs, runJob, STALE_AFTER_MS } from "@/lib/server/data/upload-jobs";
import type { UploadInput } from "@/lib/server/data/documents";
import { fixtureContent } from "../support/quiz-fixtures";
import { ENGLISH_UPLOAD } from "../support/upload-texts";
import { pdfOf } from "../support/upload-files";
import { jobProgressView } from "@/lib/server/upload-job-view";
import enDocuments from "@/messages/en/documents.json";
import zhDocuments from "@/messages/zh/documents.json";

// Background builds of uploaded documents (decisions/0041) on a real database: the claim, the
// all-or-nothing result, the status route's owner check and the recovery of a stopped process's jobs.
const provider = inject("databaseProvider");
const uploads = mkdtempSync(path.join(os.tmpdir(), "quiz-upload-jobs-"));
const storedFiles = () => (existsSync(uploads) ? readdirSync(uploads, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length : 0);

let sessionCookie: string | undefined;
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name === "next-auth.session-token" && sessionCookie ? { value: sessionCookie } : undefined) }),
  headers: async () => new Headers(),
}));
process.env.NEXTAUTH_SECRET ??= "upload-jobs-test-secret-0123456789";
const { authOptions } = await import("@/lib/server/auth/options");
const { GET } = await import("@/app/api/upload-jobs/[jobId]/route");

async function signInAs(user: SessionUser | null) {
  sessionCookie = user ? await encode({ token: await authOptions.callbacks!.jwt!({ token: {} as never, user: { id: user.id, role: user.role, email: "", name: "" } as never, account: null }), secret: process.env.NEXTAUTH_SECRET! }) : undefined;
}

async function statusAs(user: SessionUser | null, jobId: string) {
  await signInAs(user);
  const response = await GET(new Request(`http://localhost/api/upload-jobs/${jobId}`), { params: Promise.resolve({ jobId }) });
  return { status: response.status, body: (await response.json()) as { ok: boolean; job?: { status: string; stage: string; stageLabel: string; percent: number; error: string | null; previewUrl: string | null } } };
}

const paste = (text: string, extra: Partial<UploadInput> = {}): UploadInput => ({ kind: "paste", fileName: "pasted.txt", bytes: new TextEncoder().encode(text), title: "", language: "", source: "", ...extra });
let teacher: SessionUser;
let other: SessionUser;
const shared = `jobs-shared-${provider}`;

beforeAll(async () => {
  process.env.UPLOADS_DIR = uploads;
  await syncContent({ ...fixtureContent(shared), retireMissingLessons: false });
  const make = (name: string) => createAccount({ name, email: `jobs-${name}-${provider}@example.com`, password: "long-enough-pw", role: "INSTRUCTOR" });
  [teacher, other] = await Promise.all([make("teacher"), make("other")]);
});

/** Nothing of a job's lesson in the database: no lesson, question or document row under its slug. */
async function nothingUnder(slug: string) {
  expect(await db().lesson.count({ where: { slug } })).toBe(0);
  expect(await db().question.count({ where: { lessonSlug: slug } })).toBe(0);
  expect(await db().uploadedDocument.count({ where: { lessonSlug: slug } })).toBe(0);
}

describe(`background document builds on ${provider}`, () => {
  it("the upload returns a queued job at once; the build goes through its stages to done, and the status route follows it", async () => {
    const { jobId } = await enqueueUpload(teacher, paste(ENGLISH_UPLOAD));
    const queued = await db().uploadJob.findUniqueOrThrow({ where: { id: jobId } });
    expect(queued).toMatchObject({ status: "queued", stage: "queued", percent: 0, ownerId: teacher.id });
    expect(await db().lesson.count({ where: { slug: queued.lessonSlug } })).toBe(0);
    expect((await statusAs(teacher, jobId)).body.job).toMatchObject({ status: "queued", stage: "queued", stageLabel: "Waiting for its turn", percent: 0, previewUrl: null });

    const claim = await claimJob({ only: jobId });
    expect(claim).not.toBeNull();
    expect((await statusAs(teacher, jobId)).body.job).toMatchObject({ status: "running", stage: "reading" });
    await runJob(claim!);
    const done = await db().uploadJob.findUniqueOrThrow({ where: { id: jobId } });
    expect(done).toMatchObject({ status: "done", stage: "done", percent: 100, error: null });
    expect(Object.keys(JSON.parse(done.timings)).sort()).toEqual(["generating", "reading", "storing"]);
    expect(done.textBytes).toBeGreaterThan(0);
    expect(done.textBytes).toBeLessThanOrEqual(Buffer.byteLength(ENGLISH_UPLOAD));
    const document = await db().uploadedDocument.findUniqueOrThrow({ where: { id: done.documentId! } });
    expect(document.lessonSlug).toBe(done.lessonSlug);
    expect(await db().question.count({ where: { lessonSlug: done.lessonSlug } })).toBeGreaterThan(5);
    expect((await statusAs(teacher, jobId)).body.job).toMatchObject({ status: "done", percent: 100, previewUrl: `/instructor/documents/${done.documentId}` });
  });

  it("another instructor's job is 404 on the status route, as is a missing one; signed out is 401", async () => {
    const { jobId } = await enqueueUpload(teacher, paste(ENGLISH_UPLOAD));
    expect((await statusAs(other, jobId)).status).toBe(404);
    expect((await statusAs(other, jobId)).body.job).toBeUndefined();
    expect((await statusAs(teacher, "no-such-job")).status).toBe(404);
    expect((await statusAs(null, jobId)).status).toBe(401);
    expect((await statusAs(teacher, jobId)).status).toBe(200);
    // Leave nothing queued for the next tests.
    await db().uploadJob.update({ where: { id: jobId }, data: { status: "failed" } });
  });

  it("of two claimers racing for the same jobs, each job goes to exactly one", async () => {
    const ids = await Promise.all(Array.from({ length: 6 }, (_, i) => enqueueUpload(teacher, paste(`${ENGLISH_UPLOAD}\nCopy ${i}.`)).then((j) => j.jobId)));
    const claimAll = async () => {
      const mine: string[] = [];
      for (;;) {
        const claim = await claimJob();
        if (!claim) return mine;
        mine.push(claim.id);
      }
    };
    const [a, b] = await Promise.all([claimAll(), claimAll()]);
    const all = [...a, ...b].filter((id) => ids.includes(id));
    expect(all.sort()).toEqual([...ids].sort());
    // The same job offered to two claimers at once: one claim.
    const { jobId } = await enqueueUpload(teacher, paste(ENGLISH_UPLOAD));
    const claims = await Promise.all([claimJob({ only: jobId }), claimJob({ only: jobId }), claimJob({ only: jobId })]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect((await db().uploadJob.findUniqueOrThrow({ where: { id: jobId } })).attempts).toBe(1);
    await db().uploadJob.updateMany({ where: { id: { in: [...ids, jobId] } }, data: { status: "failed" } });
  });

  it("a file refused while it is built fails its job with the message and leaves no lesson, question, document or stored file", async () => {
    const files = storedFiles();
    const { jobId } = await enqueueUpload(teacher, { kind: "pdf", fileName: "scan.pdf", bytes: await pdfOf("  "), title: "", language: "", source: "" });
    expect(storedFiles()).toBe(files + 1);
    await runJob((await claimJob({ only: jobId }))!);
    const job = await db().uploadJob.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({ status: "failed", error: enDocuments.errors.noTextInPdf, errorField: "file" });
    // The refusal keeps its message key, so the progress page words it in the reader's language (decisions/0038).
    expect(JSON.parse(job.errorRef ?? "null")).toMatchObject({ key: "documents.errors.noTextInPdf" });
    expect(jobProgressView("zh", await getJobStatus(teacher, jobId)).error).toBe(zhDocuments.errors.noTextInPdf);
    await nothingUnder(job.lessonSlug);
    expect(storedFiles()).toBe(files);
    expect((await statusAs(teacher, jobId)).body.job).toMatchObject({ status: "failed", error: enDocuments.errors.noTextInPdf });
  });

  it("a failure while storing rolls the lesson, its questions and the document back, and the job says so", async () => {
    const files = storedFiles();
    // The lesson's slug is taken by the shared library: the sync refuses inside its transaction.
    const { jobId } = await enqueueUpload(teacher, paste(ENGLISH_UPLOAD));
    const { lessonSlug } = await db().uploadJob.update({ where: { id: jobId }, data: { lessonSlug: shared }, select: { lessonSlug: true } });
    const sharedQuestions = await db().question.count({ where: { lessonSlug } });
    await runJob((await claimJob({ only: jobId }))!);
    const job = await db().uploadJob.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({ status: "failed", error: JOB_ERRORS.failed, stage: "storing" });
    expect(await db().question.count({ where: { lessonSlug } })).toBe(sharedQuestions);
    expect(await db().uploadedDocument.count({ where: { lessonSlug } })).toBe(0);
    expect((await db().lesson.findUniqueOrThrow({ where: { slug: shared } })).ownerId).toBeNull();
    expect(storedFiles()).toBe(files);

    // A claim lost mid-build (the job was recovered by another process): everything it wrote in
    // its transaction — lesson, questions, document row — is rolled back, and the file is the new claimer's.
    const second = await enqueueUpload(teacher, paste(ENGLISH_UPLOAD));
    const claim = (await claimJob({ only: second.jobId }))!;
    const { lessonSlug: slug } = await db().uploadJob.update({ where: { id: second.jobId }, data: { claimToken: "someone-else" }, select: { lessonSlug: true } });
    await runJob(claim);
    await nothingUnder(slug);
    expect(await db().uploadJob.findUniqueOrThrow({ where: { id: second.jobId } })).toMatchObject({ status: "running", claimToken: "someone-else" });
    expect(storedFiles()).toBe(files + 1);
    await db().uploadJob.update({ where: { id: second.jobId }, data: { status: "failed" } });
  });

  it("a job left running by a stopped process is queued again and built; after MAX_ATTEMPTS it fails with a message", async () => {
    const { jobId } = await enqueueUpload(teacher, paste(ENGLISH_UPLOAD));
    const first = (await claimJob({ only: jobId }))!;
    const now = new Date();
    // Still beating: left alone.
    expect(await recoverStaleJobs(now)).toEqual({ requeued: 0, failed: 0 });
    await db().uploadJob.update({ where: { id: jobId }, data: { heartbeatAt: new Date(now.getTime() - STALE_AFTER_MS - 1000) } });
    expect(await recoverStaleJobs(now)).toEqual({ requeued: 1, failed: 0 });
    expect(await db().uploadJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "queued", stage: "queued", claimToken: null });
    // The stopped process's claim no longer writes anything; a new claim (another process, after a restart) builds it.
    const second = (await claimJob({ only: jobId }))!;
    expect(second.token).not.toBe(first.token);
    await runJob(first);
    expect((await db().uploadJob.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("running");
    await runJob(second);
    const done = await db().uploadJob.findUniqueOrThrow({ where: { id: jobId } });
    expect(done).toMatchObject({ status: "done", attempts: 2 });
    expect(await db().uploadedDocument.count({ where: { lessonSlug: done.lessonSlug } })).toBe(1);

    const files = storedFiles();
    const stuck = await enqueueUpload(teacher, paste(ENGLISH_UPLOAD));
    await claimJob({ only: stuck.jobId });
    await db().uploadJob.update({ where: { id: stuck.jobId }, data: { attempts: MAX_ATTEMPTS, heartbeatAt: new Date(now.getTime() - STALE_AFTER_MS - 1000) } });
    expect(await recoverStaleJobs(now)).toEqual({ requeued: 0, failed: 1 });
    const failed = await db().uploadJob.findUniqueOrThrow({ where: { id: stuck.jobId } });
    expect(failed).toMatchObject({ status: "failed", error: JOB_ERRORS.stopped });
    await nothingUnder(failed.lessonSlug);
    expect(storedFiles()).toBe(files);
    expect((await statusAs(teacher, stuck.jobId)).body.job?.error).toBe(JOB_ERRORS.stopped);
  });

  it("a job built through the worker's child process (storing there on PostgreSQL, here on SQLite) ends done, and a failure there fails its job", async () => {
    const { runInChild } = await import("@/lib/server/upload-worker");
    const { idleUploadChildren, stopUploadChildren } = await import("@/lib/server/upload-child");
    const { jobId } = await enqueueUpload(teacher, { kind: "pdf", fileName: "harbour.pdf", bytes: await pdfOf(ENGLISH_UPLOAD), title: "", language: "", source: "" });
    await runInChild((await claimJob({ only: jobId }))!);
    const done = await db().uploadJob.findUniqueOrThrow({ where: { id: jobId } });
    expect(done).toMatchObject({ status: "done", stage: "done", error: null });
    expect(Object.keys(JSON.parse(done.timings)).sort()).toEqual(["generating", "reading", "storing"]);
    expect(await db().question.count({ where: { lessonSlug: done.lessonSlug } })).toBeGreaterThan(5);

    // The child stays warm and builds the next job too (decisions/0047).
    const warm = idleUploadChildren();
    expect(warm).toHaveLength(1);
    const second = await enqueueUpload(teacher, { kind: "pdf", fileName: "harbour-2.pdf", bytes: await pdfOf(ENGLISH_UPLOAD), title: "", language: "", source: "" });
    await runInChild((await claimJob({ only: second.jobId }))!);
    expect(await db().uploadJob.findUniqueOrThrow({ where: { id: second.jobId } })).toMatchObject({ status: "done", error: null });
    expect(idleUploadChildren()).toEqual(warm);

    // A failure in the child that is no refusal (here: the stored original has gone) fails the job with the general message.
    const broken = await enqueueUpload(teacher, { kind: "pdf", fileName: "gone.pdf", bytes: await pdfOf(ENGLISH_UPLOAD), title: "", language: "", source: "" });
    const { storedName } = await db().uploadJob.findUniqueOrThrow({ where: { id: broken.jobId } });
    rmSync(path.join(uploads, storedName));
    await runInChild((await claimJob({ only: broken.jobId }))!);
    const failed = await db().uploadJob.findUniqueOrThrow({ where: { id: broken.jobId } });
    expect(failed).toMatchObject({ status: "failed", error: JOB_ERRORS.failed, stage: "reading" });
    await nothingUnder(failed.lessonSlug);

    // A claim lost while the job is built and stored (recovered by another process): the store's
    // transaction writes nothing, wherever it runs, and the job stays the new claimer's.
    const lost = await enqueueUpload(teacher, { kind: "pdf", fileName: "lost.pdf", bytes: await pdfOf(ENGLISH_UPLOAD), title: "", language: "", source: "" });
    const lostClaim = (await claimJob({ only: lost.jobId }))!;
    const { lessonSlug: lostSlug } = await db().uploadJob.update({ where: { id: lost.jobId }, data: { claimToken: "someone-else" }, select: { lessonSlug: true } });
    await runInChild(lostClaim);
    await nothingUnder(lostSlug);
    expect(await db().uploadJob.findUniqueOrThrow({ where: { id: lost.jobId } })).toMatchObject({ status: "running", claimToken: "someone-else" });
    await db().uploadJob.update({ where: { id: lost.jobId }, data: { status: "failed" } });

    // A child that dies while it builds fails its job, and the next job gets a new child.
    const killed = await enqueueUpload(teacher, { kind: "pdf", fileName: "killed.pdf", bytes: await pdfOf(ENGLISH_UPLOAD), title: "", language: "", source: "" });
    const [pid] = idleUploadChildren();
    const running = runInChild((await claimJob({ only: killed.jobId }))!);
    process.kill(pid!, "SIGKILL");
    await running;
    expect(await db().uploadJob.findUniqueOrThrow({ where: { id: killed.jobId } })).toMatchObject({ status: "failed", error: JOB_ERRORS.failed });
    expect(idleUploadChildren()).toEqual([]);
    stopUploadChildren();
  }, 180_000);

  it("choosing a large file starts one build process ahead of the upload (instructors only), and the upload's build runs in it", async () => {
    const { prepareUploadAction } = await import("@/app/instructor/documents/actions");
    const { runInChild } = await import("@/lib/server/upload-worker");
    const { idleUploadChildren, stopUploadChildren } = await import("@/lib/server/upload-child");
    const student = await createAccount({ name: "Student", email: `jobs-student-${provider}@example.com`, password: "long-enough-pw", role: "STUDENT" });
    const large = 1024 * 1024;
    for (const [who, bytes] of [[null, large], [student, large], [teacher, 2048], [teacher, "1048576"], [teacher, Number.NaN], [teacher, 11 * 1024 * 1024]] as const) {
      await signInAs(who);
      await prepareUploadAction(bytes);
      expect(idleUploadChildren(), `${who?.role ?? "signed out"}, ${String(bytes)}`).toEqual([]);
    }
    await signInAs(teacher);
    await prepareUploadAction(large);
    const [pid] = idleUploadChildren();
    expect(pid).toBeGreaterThan(0);
    await prepareUploadAction(large); // chosen again: still the one child
    expect(idleUploadChildren()).toEqual([pid]);

    const { jobId } = await enqueueUpload(teacher, { kind: "pdf", fileName: "prepared.pdf", bytes: await pdfOf(ENGLISH_UPLOAD), title: "", language: "", source: "" });
    await runInChild((await claimJob({ only: jobId }))!);
    expect(await db().uploadJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "done", error: null });
    expect(idleUploadChildren()).toEqual([pid]);
    stopUploadChildren();
    await signInAs(null);
  }, 120_000);

  it("the percent grows with the stage and, within a long stage, with the time gone by, never past the stage's end", () => {
    const at = new Date("2026-01-01T00:00:00Z");
    const job = { status: "running", stage: "generating", percent: 10, textBytes: 1024 * 1024, bytes: 2_000_000, stageStartedAt: at };
    const later = (s: number) => estimatedPercent(job, new Date(at.getTime() + s * 1000));
    expect(later(0)).toBe(10);
    expect(later(30)).toBeGreaterThan(10);
    expect(later(30)).toBeLessThan(later(60));
    expect(later(100_000)).toBeLessThan(85);
    expect(estimatedPercent({ ...job, stage: "storing", percent: 85 }, at)).toBe(85);
    expect(estimatedPercent({ ...job, status: "done" }, at)).toBe(100);
  });

  it("the estimate learns this server's rate from its last large builds: a fast machine's bar is not left near the start", async () => {
    // Nine builds newer than any other (the estimate reads the last nine), of 1 MB of text generated in 5 s.
    const future = new Date(Date.now() + 86_400_000);
    const mb = 1024 * 1024;
    const row = (i: number) => ({ ownerId: teacher.id, status: "done", stage: "done", percent: 100, lessonSlug: `u-rates-${provider}-${i}`, kind: "pdf", fileName: "r.pdf", storedName: "r.pdf", bytes: mb, title: "", language: "en", source: "", textBytes: mb, timings: JSON.stringify({ reading: 1024, generating: 5120 + i, storing: 2048 }), createdAt: new Date(future.getTime() + i) });
    await db().uploadJob.createMany({ data: Array.from({ length: 9 }, (_, i) => row(i)) });
    // One small build, newer still, is left out: its second of start-up says nothing about the rate.
    await db().uploadJob.create({ data: { ...row(9), textBytes: 10 * 1024, bytes: 10 * 1024, timings: JSON.stringify({ reading: 900, generating: 900, storing: 900 }) } });
    try {
      const rates = await expectedStageRates();
      expect(rates.reading).toBeCloseTo(1.25, 5);
      expect(rates.generating).toBeCloseTo(((5120 + 4) / 1024) * 1.25, 5);
      expect(rates.storing).toBeCloseTo(2.5, 5);
      const at = new Date("2026-01-01T00:00:00Z");
      const job = { status: "running", stage: "generating", percent: 10, textBytes: mb, bytes: 2 * mb, stageStartedAt: at };
      const after5s = new Date(at.getTime() + 5000);
      // Five seconds into generating 1 MB: most of the stage with the learned rate, barely begun with the default one.
      expect(estimatedPercent(job, after5s, rates)).toBeGreaterThanOrEqual(55);
      expect(estimatedPercent(job, after5s)).toBeLessThan(15);
      expect(estimatedPercent(job, new Date(at.getTime() + 600_000), rates)).toBeLessThan(85);
    } finally {
      await db().uploadJob.deleteMany({ where: { lessonSlug: { startsWith: `u-rates-${provider}-` } } });
    }
  });

  it("finished jobs past their retention are removed, rows only; queued, running and recent ones stay, and the document keeps its lesson and original", async () => {
    // Dates far in the past, so that this removes only this test's rows from the shared database.
    const old = new Date("2000-01-01T00:00:00Z");
    const recent = new Date("2000-02-20T00:00:00Z");
    const now = new Date("2000-03-01T00:00:00Z");
    const retain = 30 * 24 * 3600 * 1000;
    const ids = async () => (await enqueueUpload(teacher, paste(ENGLISH_UPLOAD))).jobId;
    const done = await ids();
    await runJob((await claimJob({ only: done }))!);
    const failed = (await enqueueUpload(teacher, { kind: "pdf", fileName: "scan.pdf", bytes: await pdfOf("  "), title: "", language: "", source: "" })).jobId;
    await runJob((await claimJob({ only: failed }))!);
    const recentDone = await ids();
    await runJob((await claimJob({ only: recentDone }))!);
    const running = await ids();
    await claimJob({ only: running });
    const queued = await ids();
    await db().uploadJob.updateMany({ where: { id: { in: [done, failed, running, queued] } }, data: { finishedAt: old, createdAt: old } });
    await db().uploadJob.update({ where: { id: recentDone }, data: { finishedAt: recent } });
    const document = await db().uploadedDocument.findUniqueOrThrow({ where: { id: (await db().uploadJob.findUniqueOrThrow({ where: { id: done } })).documentId! } });
    const files = storedFiles();

    expect(await pruneFinishedJobs(now, retain)).toBe(2);
    const left = await db().uploadJob.findMany({ where: { id: { in: [done, failed, recentDone, running, queued] } }, select: { id: true, status: true } });
    expect(left.map((j) => j.id).sort()).toEqual([recentDone, running, queued].sort());
    expect(left.find((j) => j.id === running)?.status).toBe("running");
    expect(await db().uploadedDocument.findUniqueOrThrow({ where: { id: document.id } })).toMatchObject({ deletedAt: null, storedName: document.storedName });
    expect(await db().question.count({ where: { lessonSlug: document.lessonSlug, retiredAt: null } })).toBeGreaterThan(5);
    expect(storedFiles()).toBe(files);
    expect(await pruneFinishedJobs(now, retain)).toBe(0);
    // The documents page still lists it; the removed job's page is a 404 like any missing job.
    expect((await statusAs(teacher, done)).status).toBe(404);
    // Tidy: the queued and running rows would otherwise count against the teacher's limits in later tests.
    await db().uploadJob.updateMany({ where: { id: { in: [running, queued] } }, data: { status: "failed" } });
  });
});
