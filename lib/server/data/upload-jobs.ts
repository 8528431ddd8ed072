import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/server/db";
import { AppError, type MessageRef } from "@/lib/server/errors";
import { logger } from "@/lib/logger";
import type { SessionUser } from "@/lib/server/data/users";
import { canTeach } from "@/lib/schemas/roles";
import { syncContent } from "@/lib/server/data/content-sync";
import { bundleToSyncInput } from "@/scripts/lib/bundle-to-sync";
import { defaultTitle, detectLanguage, extractUpload, sniffUpload, type UploadKind } from "@/lib/uploads/extract";
import { documentError, megabytes, UploadRefusal } from "@/lib/uploads/errors";
import { readOriginal, removeOriginal, storeOriginal, uploadLimits } from "@/lib/server/uploads-storage";
import { buildDocument, reportOf, UPLOADED_POSITION, type DocumentReport, type UploadInput } from "@/lib/server/data/document-build";
import type { BuildStats } from "@/lib/quizgen/build";
import type { ContentBundle } from "@/lib/quizgen/schema";
import enJobs from "@/messages/en/upload-jobs.json";

// Background builds of uploaded documents (decisions/0041). The request stores the original and a
// queued UploadJob row and returns; a server process claims the job with one conditional UPDATE
// (lib/server/upload-worker.ts runs it in a child process), reads, generates and stores. The
// lesson, its questions, the UploadedDocument row and the job's `done` are one transaction; any
// failure marks the job failed with its message and removes the stored original.

export type JobStatus = "queued" | "running" | "done" | "failed";
export type JobStage = "queued" | "reading" | "generating" | "storing" | "done";
export interface JobClaim {
  id: string;
  token: string;
  /** The original's size (the worker builds small ones in its own process). */
  bytes?: number;
}

/** A running job whose heartbeat is older than this belongs to a process that died. */
export const STALE_AFTER_MS = 120_000;
/** Claims per job: a job that was running when its process died twice is failed, not retried again. */
export const MAX_ATTEMPTS = 2;

/** Percent reached at the start and end of each stage. */
const STAGE_SPAN: Record<JobStage, [number, number]> = { queued: [0, 0], reading: [0, 10], generating: [10, 85], storing: [85, 99], done: [100, 100] };
/**
 * Generation and storage run without reporting within the stage (the generator is one synchronous
 * call): their percent is estimated from the text's size and never passes 95% of the stage before
 * it ends. The rates: this server's own, from its last large builds (expectedStageRates), since
 * machines differ threefold and more; before it has any, these, above the ones bench:upload
 * measured on a loaded 2-core machine.
 */
const DEFAULT_MS_PER_KB: StageRates = { reading: 5, generating: 120, storing: 40 };
const TIMED_STAGES = ["reading", "generating", "storing"] as const;
export type StageRates = Record<(typeof TIMED_STAGES)[number], number>;
/** Builds smaller than this say little about the rate: a second of start-up dominates them. */
const CALIBRATION_MIN_TEXT_BYTES = 100 * 1024;

export const JOB_ERRORS = enJobs.errors;

function requireTeacher(viewer: SessionUser) {
  if (!canTeach(viewer.role)) throw documentError("FORBIDDEN", "onlyInstructors");
}

/** The owner's document (not deleted); anyone else's is NOT_FOUND. Admins reach every document. */
export async function ownDocument(viewer: SessionUser, id: string) {
  requireTeacher(viewer);
  const doc = await db().uploadedDocument.findFirst({ where: { id, deletedAt: null, ...(viewer.role === "ADMIN" ? {} : { ownerId: viewer.id }) } });
  if (!doc) throw documentError("NOT_FOUND", "noSuchDocument");
  return doc;
}

async function refuseOverLimits(ownerId: string, addedBytes: number, replacing: { bytes: number } | null) {
  const { maxDocuments, maxTotalBytes } = uploadLimits();
  const [kept, pending] = await Promise.all([
    db().uploadedDocument.aggregate({ where: { ownerId, deletedAt: null }, _count: { _all: true }, _sum: { bytes: true } }),
    // Builds still under way count as the documents they will be.
    db().uploadJob.aggregate({ where: { ownerId, status: { in: ["queued", "running"] } }, _count: { _all: true }, _sum: { bytes: true } }),
  ]);
  if (!replacing && kept._count._all + pending._count._all >= maxDocuments) throw new UploadRefusal("tooManyDocuments", { limit: maxDocuments });
  if ((kept._sum.bytes ?? 0) + (pending._sum.bytes ?? 0) - (replacing?.bytes ?? 0) + addedBytes > maxTotalBytes) throw new UploadRefusal("storageFull", { limit: megabytes(maxTotalBytes) });
}

/**
 * Checks what can be checked at once (role, limits, extension and contents, the whole text of a
 * text file or paste), stores the original and queues its build. Returns the job's id. Refusals
 * throw (INVALID with their field) and leave nothing behind.
 */
export async function enqueueUpload(viewer: SessionUser, input: UploadInput, replaceId?: string): Promise<{ jobId: string }> {
  requireTeacher(viewer);
  const previous = replaceId ? await ownDocument(viewer, replaceId) : null;
  const ownerId = previous?.ownerId ?? viewer.id;
  await refuseOverLimits(ownerId, input.bytes.byteLength, previous);
  sniffUpload(input);
  // Text files and pastes are read here already (milliseconds): their refusals come with the form.
  if (input.kind !== "pdf" && input.kind !== "docx") await extractUpload(input);
  const slug = previous?.lessonSlug ?? `u-${randomBytes(6).toString("hex")}`;
  const storedName = storeOriginal(ownerId, slug, input.kind === "paste" ? "txt" : input.kind, input.bytes);
  try {
    const job = await db().uploadJob.create({
      data: {
        ownerId,
        replaceId: previous?.id ?? null,
        lessonSlug: slug,
        kind: input.kind,
        fileName: input.fileName.slice(0, 255),
        storedName,
        bytes: input.bytes.byteLength,
        title: input.title,
        language: input.language,
        source: input.source,
      },
      select: { id: true },
    });
    return { jobId: job.id };
  } catch (error) {
    removeOriginal(storedName);
    throw error;
  }
}

/**
 * Claims the oldest queued job (or, with `only`, that one) for this caller: one
 * `UPDATE … WHERE id = ? AND status = 'queued'` per candidate, so of several processes racing for
 * a job exactly one sees a changed row (PostgreSQL re-checks the condition after the winner's row
 * lock; SQLite has one writer). Returns the claim, or null when nothing is queued.
 */
export async function claimJob(options: { only?: string; now?: Date } = {}): Promise<JobClaim | null> {
  const now = options.now ?? new Date();
  const candidates = await db().uploadJob.findMany({ where: { status: "queued", ...(options.only ? { id: options.only } : {}) }, orderBy: { createdAt: "asc" }, take: 5, select: { id: true, bytes: true } });
  for (const { id, bytes } of candidates) {
    const token = randomBytes(12).toString("hex");
    const { count } = await db().uploadJob.updateMany({
      where: { id, status: "queued" },
      data: { status: "running", claimToken: token, attempts: { increment: 1 }, stage: "reading", percent: 0, stageStartedAt: now, heartbeatAt: now, startedAt: now },
    });
    if (count === 1) return { id, token, bytes };
  }
  return null;
}

/** Keeps a running job's claim alive (the worker calls it while the build runs). */
export async function heartbeat(claim: JobClaim, now = new Date()): Promise<void> {
  await db().uploadJob.updateMany({ where: { id: claim.id, claimToken: claim.token, status: "running" }, data: { heartbeatAt: now } });
}

/**
 * Jobs left running by a process that stopped (no heartbeat for STALE_AFTER_MS): queued again, or
 * failed with a message after MAX_ATTEMPTS claims (their original removed). Each row changes with
 * its old claim token in the condition, so two processes recovering at once change it once.
 */
export async function recoverStaleJobs(now = new Date(), staleAfterMs = STALE_AFTER_MS): Promise<{ requeued: number; failed: number }> {
  const stale = await db().uploadJob.findMany({
    where: { status: "running", heartbeatAt: { lt: new Date(now.getTime() - staleAfterMs) } },
    select: { id: true, claimToken: true, attempts: true, storedName: true },
  });
  let requeued = 0;
  let failed = 0;
  for (const job of stale) {
    const where = { id: job.id, status: "running", claimToken: job.claimToken };
    if (job.attempts < MAX_ATTEMPTS) {
      requeued += (await db().uploadJob.updateMany({ where, data: { status: "queued", stage: "queued", percent: 0, claimToken: null, heartbeatAt: null, stageStartedAt: null } })).count;
    } else {
      const { count } = await db().uploadJob.updateMany({ where, data: { status: "failed", error: JOB_ERRORS.stopped, errorField: "file", claimToken: null, finishedAt: now } });
      if (count === 1) removeOriginal(job.storedName);
      failed += count;
    }
  }
  if (requeued + failed) logger.warn({ requeued, failed }, "upload jobs recovered from a stopped process");
  return { requeued, failed };
}

/**
 * How long a finished job's row is kept (decisions/0047): its page shows the outcome, and the
 * documents page links to it, only right after the build; a month covers a teacher coming back to
 * an old link. UPLOAD_JOB_RETENTION_DAYS overrides it.
 */
export const RETAIN_FINISHED_MS = Number(process.env.UPLOAD_JOB_RETENTION_DAYS ?? 30) * 24 * 3600 * 1000;

/**
 * Removes done and failed jobs finished more than `retainMs` ago: rows only. Never a queued or
 * running one (the status is in the condition, so a job requeued meanwhile stays), never a stored
 * original (a done job's original is its document's, and a failed job's was removed when it
 * failed), and no document row: UploadedDocument does not point at its jobs. Returns how many.
 */
export async function pruneFinishedJobs(now = new Date(), retainMs = RETAIN_FINISHED_MS): Promise<number> {
  const { count } = await db().uploadJob.deleteMany({ where: { status: { in: ["done", "failed"] }, finishedAt: { lt: new Date(now.getTime() - retainMs) } } });
  if (count) logger.info({ count }, "finished upload jobs removed");
  return count;
}

/** Marks a claimed job failed (if the claim still holds) and removes its original; returns whether it did. */
export async function failJob(claim: JobClaim, message: string, field: string | null, timings?: Record<string, number>, ref?: MessageRef): Promise<boolean> {
  const job = await db().uploadJob.findUnique({ where: { id: claim.id }, select: { storedName: true } });
  const { count } = await db().uploadJob.updateMany({
    where: { id: claim.id, claimToken: claim.token, status: "running" },
    data: { status: "failed", error: message, errorField: field, errorRef: ref ? JSON.stringify(ref) : null, finishedAt: new Date(), ...(timings ? { timings: JSON.stringify(timings) } : {}) },
  });
  if (count === 1 && job) removeOriginal(job.storedName);
  return count === 1;
}

/** What the build phase hands to the store phase (across processes as JSON: scripts/upload-job.ts). */
export interface PreparedBuild {
  bundle: ContentBundle;
  stats: BuildStats;
  timings: Record<string, number>;
}

async function enterStage(claim: JobClaim, next: JobStage, timings: Record<string, number>, extra: { textBytes?: number } = {}) {
  await db().uploadJob.updateMany({
    where: { id: claim.id, claimToken: claim.token, status: "running" },
    data: { stage: next, percent: STAGE_SPAN[next][0], stageStartedAt: new Date(), heartbeatAt: new Date(), timings: JSON.stringify(timings), ...extra },
  });
}

async function failWith(claim: JobClaim, error: unknown, timings: Record<string, number>) {
  if (error instanceof ClaimLost) return;
  if (!(error instanceof AppError)) logger.error({ err: error, jobId: claim.id }, "upload job failed");
  await failJob(claim, error instanceof AppError ? error.message : JOB_ERRORS.failed, error instanceof AppError ? (error.field ?? "file") : null, timings, error instanceof AppError ? error.translation : undefined);
}

/**
 * The build phase of a claimed job: reading, then generating (minutes of synchronous work for
 * 1 MB: the worker runs this phase in a child process). Returns what the store phase needs, or
 * null when the job failed (its message recorded, its original removed).
 */
export async function buildJob(claim: JobClaim): Promise<PreparedBuild | null> {
  const timings: Record<string, number> = {};
  let stageStarted = performance.now();
  let stage: JobStage = "reading";
  try {
    const job = await db().uploadJob.findUniqueOrThrow({ where: { id: claim.id } });
    const bytes = readOriginal(job.storedName);
    const text = await extractUpload({ kind: job.kind as UploadKind, bytes, fileName: job.fileName });
    const title = job.title.trim() || defaultTitle(text);
    const language = (job.language as "" | "en" | "zh") || detectLanguage(text);
    timings.reading = Math.round(performance.now() - stageStarted);
    [stage, stageStarted] = ["generating", performance.now()];
    await enterStage(claim, "generating", timings, { textBytes: Buffer.byteLength(text, "utf8") });
    const { bundle, stats } = buildDocument(job.lessonSlug, text, { title, language, source: job.source.trim() });
    timings.generating = Math.round(performance.now() - stageStarted);
    return { bundle, stats, timings };
  } catch (error) {
    timings[stage] = Math.round(performance.now() - stageStarted);
    await failWith(claim, error, timings);
    return null;
  }
}

/**
 * The store phase: the lesson, its questions, the document row and the job's `done` in one
 * transaction, `done` only while the claim holds. Runs in the server process (on SQLite a second
 * process writing for a minute would make the server's own writes fail as busy). Never throws for
 * the document's faults: they become the job's `failed`.
 */
export async function storeJob(claim: JobClaim, prepared: PreparedBuild): Promise<void> {
  const { bundle, stats } = prepared;
  const timings = { ...prepared.timings };
  const stageStarted = performance.now();
  try {
    await enterStage(claim, "storing", timings);
    const job = await db().uploadJob.findUniqueOrThrow({ where: { id: claim.id } });
    const previous = job.replaceId ? await db().uploadedDocument.findFirst({ where: { id: job.replaceId, deletedAt: null } }) : null;
    if (job.replaceId && !previous) throw new AppError("NOT_FOUND", JOB_ERRORS.replacedGone, "file");
    const sync = bundleToSyncInput(bundle);
    const report: DocumentReport = reportOf(bundle, stats, { lessons: { created: 0, updated: 0, unchanged: 0, retired: 0 }, questions: { created: 0, updated: 0, unchanged: 0, retired: 0, restored: 0 } });
    let documentId = previous?.id ?? "";
    const syncReport = await syncContent({
      ...sync,
      lessons: sync.lessons.map((l) => ({ ...l, ownerId: job.ownerId, position: UPLOADED_POSITION })),
      retireMissingLessons: false,
      within: async (tx) => {
        const data = { kind: job.kind, fileName: job.fileName, storedName: job.storedName, bytes: job.bytes, report: JSON.stringify(report) };
        if (previous) await tx.uploadedDocument.update({ where: { id: previous.id }, data });
        else documentId = (await tx.uploadedDocument.create({ data: { ...data, ownerId: job.ownerId, lessonSlug: job.lessonSlug }, select: { id: true } })).id;
        timings.storing = Math.round(performance.now() - stageStarted);
        // The claim is checked in the same transaction: a job recovered from under a slow process is not written twice.
        const { count } = await tx.uploadJob.updateMany({
          where: { id: claim.id, claimToken: claim.token, status: "running" },
          data: { status: "done", stage: "done", percent: 100, documentId, finishedAt: new Date(), timings: JSON.stringify(timings) },
        });
        if (count !== 1) throw new ClaimLost();
      },
    });
    // The sync's own counts (new, changed, retired questions) complete the stored report.
    await db().uploadedDocument.update({ where: { id: documentId }, data: { report: JSON.stringify({ ...report, sync: syncReport }) } });
    if (previous && previous.storedName !== job.storedName) removeOriginal(previous.storedName);
  } catch (error) {
    timings.storing = Math.round(performance.now() - stageStarted);
    await failWith(claim, error, timings);
  }
}

/** Runs a claimed job in this process: build, then store (scripts, tests and small originals). */
export async function runJob(claim: JobClaim): Promise<void> {
  const prepared = await buildJob(claim);
  if (prepared) await storeJob(claim, prepared);
}

class ClaimLost extends Error {}

/** A job as its owner's page shows it; another instructor's job (or a missing one) is NOT_FOUND. */
export async function getJobStatus(viewer: SessionUser, id: string, now = new Date()) {
  requireTeacher(viewer);
  const job = await db().uploadJob.findFirst({
    where: { id, ownerId: viewer.id },
    select: { id: true, status: true, stage: true, percent: true, error: true, errorField: true, errorRef: true, documentId: true, replaceId: true, fileName: true, kind: true, textBytes: true, bytes: true, stageStartedAt: true, createdAt: true, timings: true },
  });
  if (!job) throw documentError("NOT_FOUND", "noSuchDocument");
  const rates = job.status === "running" ? await expectedStageRates() : DEFAULT_MS_PER_KB;
  return { ...job, status: job.status as JobStatus, stage: job.stage as JobStage, percent: estimatedPercent(job, now, rates), timings: JSON.parse(job.timings) as Record<string, number>, errorRef: job.errorRef ? (JSON.parse(job.errorRef) as MessageRef) : undefined };
}

export type JobView = Awaited<ReturnType<typeof getJobStatus>>;

/**
 * Milliseconds per KB each timed stage took in this server's last large builds (their median, plus
 * a quarter: a bar that waits near its stage's end reads better than one that jumps), per KB of
 * what the estimate divides by (the file while reading, the text after). The defaults before any.
 */
export async function expectedStageRates(): Promise<StageRates> {
  const recent = await db().uploadJob.findMany({
    where: { status: "done", textBytes: { gte: CALIBRATION_MIN_TEXT_BYTES } },
    orderBy: { createdAt: "desc" },
    take: 9,
    select: { bytes: true, textBytes: true, timings: true },
  });
  const builds = recent.map((j) => ({ ...j, timings: JSON.parse(j.timings) as Partial<StageRates> }));
  const rates = { ...DEFAULT_MS_PER_KB };
  for (const stage of TIMED_STAGES) {
    const perKb = builds
      .map((j) => j.timings[stage]! / ((stage === "reading" ? j.bytes : j.textBytes!) / 1024))
      .filter((rate) => Number.isFinite(rate) && rate > 0)
      .sort((a, b) => a - b);
    if (perKb.length) rates[stage] = perKb[Math.floor(perKb.length / 2)] * 1.25;
  }
  return rates;
}

/** The stage's start, plus the share of its expected time gone by (at most 95% of the stage). */
export function estimatedPercent(job: { status: string; stage: string; percent: number; textBytes: number | null; bytes: number; stageStartedAt: Date | null }, now: Date, rates: StageRates = DEFAULT_MS_PER_KB): number {
  if (job.status !== "running") return job.status === "done" ? 100 : job.percent;
  const stage = job.stage as JobStage;
  const span = STAGE_SPAN[stage] ?? [job.percent, job.percent];
  const rate = (rates as Partial<Record<JobStage, number>>)[stage];
  if (!rate || !job.stageStartedAt) return span[0];
  const kb = (job.textBytes ?? job.bytes) / 1024;
  const expected = 1000 + kb * rate;
  const share = Math.min(0.95, Math.max(0, now.getTime() - job.stageStartedAt.getTime()) / expected);
  return Math.floor(span[0] + share * (span[1] - span[0]));
}

/** The viewer's builds still queued or running, newest first (the documents page lists them). */
export async function listPendingJobs(viewer: SessionUser, now = new Date()) {
  requireTeacher(viewer);
  const jobs = await db().uploadJob.findMany({
    where: { ownerId: viewer.id, status: { in: ["queued", "running"] } },
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true, stage: true, percent: true, fileName: true, textBytes: true, bytes: true, stageStartedAt: true },
  });
  const rates = jobs.some((j) => j.status === "running") ? await expectedStageRates() : DEFAULT_MS_PER_KB;
  return jobs.map((j) => ({ id: j.id, fileName: j.fileName, stage: j.stage as JobStage, percent: estimatedPercent(j, now, rates) }));
}
