import "server-only";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { logger } from "@/lib/logger";

// The child processes that run upload builds (scripts/upload-job.ts), kept warm between jobs
// (decisions/0047): starting one (tsx, then loading Prisma and the generator) took 3–5 s of every
// large upload. A child serves one job at a time; an idle one waits IDLE_MS for the next, then its
// channel is closed and it exits. A child that exits or errs while building answers that job
// with a failure; it is never reused after one.

const IDLE_MS = Number(process.env.UPLOAD_JOB_CHILD_IDLE_MS ?? 10 * 60_000);

interface Builder {
  process: ChildProcess;
  ready: Promise<void>;
  idleTimer: NodeJS.Timeout | null;
  dead: boolean;
}

const holder = globalThis as unknown as { uploadBuilders?: Builder[] };
const idle = (holder.uploadBuilders ??= []);

function start(): Builder {
  // tsx as a loader of this node, not its command line: that one runs the script in a grandchild and
  // does not pass on the closing of the channel, so a child would outlive its server.
  const tsx = pathToFileURL(path.join(/*turbopackIgnore: true*/ process.cwd(), "node_modules/tsx/dist/loader.mjs")).href;
  const child = spawn(process.execPath, ["--import", tsx, "--conditions=react-server", "scripts/upload-job.ts"], {
    cwd: process.cwd(),
    env: process.env,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const builder: Builder = { process: child, idleTimer: null, dead: false, ready: Promise.resolve() };
  builder.ready = new Promise((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`upload build process exited with ${code} before it was ready`)));
    child.once("error", reject);
  });
  builder.ready.catch(() => undefined);
  child.once("exit", () => retire(builder));
  return builder;
}

function retire(builder: Builder) {
  builder.dead = true;
  if (builder.idleTimer) clearTimeout(builder.idleTimer);
  const at = idle.indexOf(builder);
  if (at >= 0) idle.splice(at, 1);
  if (builder.process.connected) builder.process.disconnect();
}

function release(builder: Builder) {
  if (builder.dead) return;
  builder.idleTimer = setTimeout(() => retire(builder), IDLE_MS);
  builder.idleTimer.unref();
  // An idle child does not keep this process alive (scripts, tests, a server shutting down).
  builder.process.unref();
  builder.process.channel?.unref();
  idle.push(builder);
}

/**
 * Builds a claimed job in a warm child (started if none is idle): resolves true when the child
 * answered that it handled the job (the result in `out`, or the job failed with its message),
 * false when the child failed or exited meanwhile (the caller fails the job).
 */
export async function buildInChild(job: { id: string; token: string; out: string }): Promise<boolean> {
  let builder = idle.pop();
  if (builder) {
    if (builder.idleTimer) clearTimeout(builder.idleTimer);
    builder.process.ref();
    builder.process.channel?.ref();
  } else builder = start();
  const current = builder;
  try {
    await current.ready;
  } catch (error) {
    logger.error({ jobId: job.id, err: error }, "upload build process did not start");
    retire(current);
    return false;
  }
  const ok = await new Promise<boolean>((resolve) => {
    const onMessage = (message: { id?: string; ok?: boolean }) => {
      if (message.id !== job.id) return;
      done(message.ok === true);
    };
    const onExit = (code: number | null) => {
      logger.error({ jobId: job.id, code }, "upload build process exited during a build");
      done(false);
    };
    const done = (result: boolean) => {
      current.process.off("message", onMessage);
      current.process.off("exit", onExit);
      resolve(result);
    };
    current.process.on("message", onMessage);
    current.process.once("exit", onExit);
    if (current.dead || !current.process.connected) return done(false);
    current.process.send(job, (error) => {
      if (error) {
        logger.error({ jobId: job.id, err: error }, "upload build process could not be reached");
        done(false);
      }
    });
  });
  if (ok) release(current);
  else retire(current);
  return ok;
}

/**
 * Starts a child ahead of a large build, while the teacher is still filling in the upload form
 * (decisions/0054): starting tsx, Prisma and the generator (1.0–1.4 s) is then spent before the
 * upload, not after it. One idle or starting child per process at most: calling this again, or
 * while a child is already waiting, does nothing. It waits and exits like any idle child.
 */
export function prewarmUploadChild(): void {
  if (idle.length > 0) return;
  release(start());
}

/** Closes every idle child's channel (they exit); for tests and shutdown. */
export function stopUploadChildren(): void {
  for (const builder of [...idle]) retire(builder);
}

/** The process ids of the idle children (tests check that a child is reused). */
export function idleUploadChildren(): number[] {
  return idle.map((b) => b.process.pid ?? 0);
}
