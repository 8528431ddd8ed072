import "server-only";
import { existsSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { logger } from "@/lib/logger";
import { buildInChild, prewarmUploadChild, stopUploadChildren } from "@/lib/server/upload-child";
import { claimJob, failJob, heartbeat, JOB_ERRORS, pruneFinishedJobs, recoverStaleJobs, runJob, storeJob, type JobClaim, type PreparedBuild } from "@/lib/server/data/upload-jobs";

// The background builder of uploaded documents, one per server process (decisions/0041). Each
// second (and at once when an upload is queued here) it claims a queued job; the claim is atomic
// across processes. The build runs in a child process kept warm between jobs (lib/server/upload-child.ts,
// scripts/upload-job.ts): generating a 1 MB
// document is minutes of synchronous work that would otherwise stall every request of this
// process, the status polls and the health check included. On PostgreSQL the child stores its
// result too, so this process only hears that the job ended (decisions/0051); on SQLite it hands
// the result back as a JSON file and this process stores it (a second process holding SQLite's
// one write lock would make this one's writes fail as busy). While the child runs, this process
// keeps the job's heartbeat; a child that dies leaves the job failed, a process that dies leaves
// it to recoverStaleJobs in any process. A small original (IN_PROCESS_MAX_BYTES, a 10 KB PDF builds
// in about a second) is built in this process: starting the child costs more than the build.
// Finished jobs are removed after their retention (pruneFinishedJobs, decisions/0047).

const POLL_MS = 1000;
const HEARTBEAT_MS = 5000;
const RECOVER_EVERY_MS = 30_000;
/** Finished jobs older than their retention are removed at most this often per process. */
const PRUNE_EVERY_MS = 3600_000;
/** Builds one process runs at a time: each takes a core. */
const CONCURRENCY = Number(process.env.UPLOAD_JOB_CONCURRENCY ?? 1);
const IN_PROCESS_MAX_BYTES = Number(process.env.UPLOAD_JOB_IN_PROCESS_BYTES ?? 32 * 1024);

interface Worker {
  running: number;
  timer: NodeJS.Timeout | null;
  lastRecovery: number;
  lastPrune: number;
  stopped: boolean;
  kick: () => void;
}

const holder = globalThis as unknown as { uploadWorker?: Worker };

/** Runs one claimed job's build phase in a (warm) child process and stores its result here; resolves when done. */
export async function runInChild(claim: JobClaim): Promise<void> {
  const out = path.join(os.tmpdir(), `upload-job-${claim.id}-${claim.token}.json`);
  const beat = setInterval(() => void heartbeat(claim).catch(() => undefined), HEARTBEAT_MS);
  try {
    if (await buildInChild({ id: claim.id, token: claim.token, out })) {
      // No file: the child stored the document itself (PostgreSQL), or the build failed and it recorded why.
      if (existsSync(out)) await storeJob(claim, JSON.parse(readFileSync(out, "utf8")) as PreparedBuild);
      return;
    }
    // The child ends its own job's build; if it could not (it crashed), the job fails here.
    await failJob(claim, JOB_ERRORS.failed, null);
  } catch (failure) {
    logger.error({ jobId: claim.id, err: failure }, "upload job could not be finished");
  } finally {
    clearInterval(beat);
    rmSync(out, { force: true });
  }
}

async function tick(worker: Worker, run: (claim: JobClaim) => Promise<void>) {
  if (worker.stopped) return;
  if (Date.now() - worker.lastRecovery > RECOVER_EVERY_MS) {
    worker.lastRecovery = Date.now();
    await recoverStaleJobs().catch((error) => logger.warn({ err: error }, "upload job recovery failed"));
  }
  if (Date.now() - worker.lastPrune > PRUNE_EVERY_MS) {
    worker.lastPrune = Date.now();
    await pruneFinishedJobs().catch((error) => logger.warn({ err: error }, "upload job pruning failed"));
  }
  while (worker.running < CONCURRENCY && !worker.stopped) {
    const claim = await claimJob().catch((error) => {
      logger.warn({ err: error }, "upload job claim failed");
      return null;
    });
    if (!claim) break;
    worker.running++;
    void run(claim).finally(() => {
      worker.running--;
      worker.kick();
    });
  }
}

/** Small originals here, the rest in a child process. */
export function runClaimed(claim: JobClaim): Promise<void> {
  return claim.bytes !== undefined && claim.bytes <= IN_PROCESS_MAX_BYTES ? runJob(claim) : runInChild(claim);
}

/** A file of `bytes` is about to be uploaded: start its build process now if it will need one (decisions/0054). */
export function prepareForUpload(bytes: number): void {
  if (bytes > IN_PROCESS_MAX_BYTES) prewarmUploadChild();
}

/** Starts this process's worker (once; later calls return the same one). `run` is for tests and benches. */
export function startUploadWorker(run: (claim: JobClaim) => Promise<void> = runClaimed): { kick: () => void; stop: () => void } {
  if (holder.uploadWorker) return { kick: holder.uploadWorker.kick, stop: () => stopUploadWorker() };
  let busy = false;
  const worker: Worker = {
    running: 0,
    timer: null,
    lastRecovery: 0,
    lastPrune: 0,
    stopped: false,
    kick: () => {
      if (busy || worker.stopped) return;
      busy = true;
      void tick(worker, run).finally(() => {
        busy = false;
      });
    },
  };
  worker.timer = setInterval(worker.kick, POLL_MS);
  worker.timer.unref();
  holder.uploadWorker = worker;
  worker.kick();
  return { kick: worker.kick, stop: () => stopUploadWorker() };
}

export function stopUploadWorker(): void {
  const worker = holder.uploadWorker;
  if (!worker) return;
  worker.stopped = true;
  if (worker.timer) clearInterval(worker.timer);
  stopUploadChildren();
  holder.uploadWorker = undefined;
}

/** Asks this process's worker to look for a job now (after an upload was queued); no-op without one. */
export function kickUploadWorker(): void {
  holder.uploadWorker?.kick();
}
