// npm run bench:http: load on a production server (`npm start`, so scripts/serve.ts, on the embedded SQLite database).
//
// Targets: a static file (baseline), the lesson page, the lesson page's reader JSON, a quiz answer, the review page and a review
// answer. Each is driven by 50 simulated students for 20 s, twice:
//   1. students: each waits a think time (random, 2 s on average: a fast clicker; real answers take
//      10–30 s), sends one request and reads the reply, and again. The latency a class sees, and the
//      figure the goals are about.
//   2. capacity: the same students with no think time (throughput, compared with the static file of
//      the same server as the baseline ratio; latency here is mostly queueing, by Little's law).
// Percentiles are exact, from every response time. Also reports the first-load JavaScript of the
// lesson, quiz and review pages (gzipped). Prints figures; asserts nothing.
//
// Nothing is discarded: the server is measured as `npm start` left it, so the first requests to each
// target count (the server warms its hot paths before it answers anyone, scripts/lib/warm-up.ts);
// `max` is the slowest response of the run, `max at` when it was sent (seconds into the run).
//
// Options: BENCH_SECONDS (20), BENCH_STUDENTS (50), BENCH_THINK (2 seconds), PORT (3300),
// BENCH_TARGETS (e.g. `lesson,reader,quiz`: only those, after the static file; keys: lesson, reader,
// quiz, review, review-session, review-next, review-answer).
//
// `--instances N`: on PostgreSQL behind HAProxy (`npm start -- --instances`, docs/decisions/0029),
// the whole bench twice, with 1 process and with N, each on a fresh database (created on the server
// of BENCH_DATABASE_URL, else TEST_DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/postgres,
// and dropped after), then the capacity of each target side by side.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { encode } from "next-auth/jwt";
import { requestedInstances } from "./lib/cluster";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const SIMULATED = Number(process.env.BENCH_STUDENTS ?? 50);
const THINK = Number(process.env.BENCH_THINK ?? 2);
const PORT = Number(process.env.PORT ?? 3300);
const DATA_DIR = ".data/bench";
const BASE = `http://localhost:${PORT}`;
const STUDENTS = 500;
/** Learners who studied the Chinese lesson (all its facts are new cards), for the review targets. */
const REVIEWERS = 100;

const INSTANCES = requestedInstances(process.argv.slice(2), { INSTANCES: process.env.BENCH_INSTANCES });
if (INSTANCES !== null && !process.env.BENCH_DATABASE) await compareInstances(INSTANCES);
/** Set by compareInstances for each of its runs: a fresh PostgreSQL database and the shared secret. */
const CLUSTER = process.env.BENCH_DATABASE ? { url: process.env.BENCH_DATABASE, secret: process.env.BENCH_SECRET! } : null;

process.env.APP_DATA_DIR = DATA_DIR;
process.env.DATABASE_URL = CLUSTER?.url ?? "";

async function startServer(): Promise<ChildProcess> {
  rmSync(DATA_DIR, { recursive: true, force: true });
  const cluster = CLUSTER ? { DATABASE_URL: CLUSTER.url, NEXTAUTH_SECRET: CLUSTER.secret, NODE_ENV: "production" as const, INSTANCES: String(INSTANCES) } : { DATABASE_URL: "" };
  const child = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/start.ts"], {
    env: { ...process.env, PORT: String(PORT), APP_DATA_DIR: DATA_DIR, ...cluster },
    // Standard output (a JSON line per request) is not read: a pipe nobody drains would fill and stall the server.
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${BASE}/robots.txt`)).ok) return child;
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null) throw new Error("the server exited during start-up");
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("the server did not start within 10 minutes");
}

interface Fixture {
  cookies: string[];
  lessonSlug: string;
  submits: { cookie: string; attemptId: string; questionId: string; answer: unknown }[];
  quizUrl: string;
  reviewCookies: string[];
  /** Each a first answer to a new card (version 0), so every request is a real review, not a repeat. */
  reviews: { cookie: string; cardId: string; questionId: string; answer: unknown }[];
}

/** Students with open attempts, made through the data layer in this process (same database file). */
async function makeFixture(): Promise<Fixture> {
  const { db } = await import("@/lib/server/db");
  const { startAttempt } = await import("@/lib/server/data/attempts");
  const { hashPassword } = await import("@/lib/server/auth/password");
  const secret = CLUSTER?.secret ?? readFileSync(path.join(DATA_DIR, "auth-secret"), "utf8").trim();
  // The lesson with the most questions (generation may leave a lesson with too few for a quiz).
  const lesson = await db().lesson.findFirstOrThrow({ where: { retiredAt: null }, orderBy: [{ questions: { _count: "desc" } }, { position: "asc" }], select: { slug: true } });
  const passwordHash = await hashPassword("bench-password-not-used");
  const cookies: string[] = [];
  const submits: Fixture["submits"] = [];
  let quizUrl = "";
  for (let i = 0; i < STUDENTS; i++) {
    const user = await db().user.create({ data: { email: `bench${i}@example.com`, name: `Bench ${i}`, role: "STUDENT", passwordHash }, select: { id: true, email: true, name: true, role: true } });
    const token = await encode({ token: { sub: user.id, id: user.id, role: "STUDENT", name: user.name, email: user.email }, secret });
    const cookie = `next-auth.session-token=${token}`;
    cookies.push(cookie);
    const attemptId = await startAttempt({ ...user, role: "STUDENT" }, { scope: "lesson", scopeId: lesson.slug, figuresOnly: false });
    quizUrl ||= `/quiz/${attemptId}`;
    const attempt = await db().attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { questionIds: true } });
    for (const questionId of JSON.parse(attempt.questionIds) as string[]) {
      const q = await db().question.findUniqueOrThrow({ where: { id: questionId }, select: { type: true, payload: true } });
      submits.push({ cookie, attemptId, questionId, answer: sampleAnswer(q.type, JSON.parse(q.payload)) });
    }
  }
  const { studyLesson, saveReviewSettings } = await import("@/lib/server/data/review");
  const { questionForReview } = await import("@/lib/review/formats");
  const zh = await db().lesson.findFirstOrThrow({ where: { language: "zh", retiredAt: null }, select: { slug: true } });
  const reviewCookies: string[] = [];
  const reviews: Fixture["reviews"] = [];
  const questionsOf = new Map<string, { id: string; type: string; payload: string }[]>();
  for (let i = 0; i < REVIEWERS; i++) {
    const user = await db().user.create({ data: { email: `reviewer${i}@example.com`, name: `Reviewer ${i}`, role: "STUDENT", passwordHash }, select: { id: true, email: true, name: true } });
    const viewer = { ...user, role: "STUDENT" as const };
    const cookie = `next-auth.session-token=${await encode({ token: { sub: user.id, id: user.id, role: "STUDENT", name: user.name, email: user.email }, secret })}`;
    reviewCookies.push(cookie);
    await saveReviewSettings(viewer, { desiredRetention: 0.9, newCardsPerDay: 100 });
    await studyLesson(viewer, zh.slug, new Date());
    for (const card of await db().reviewCard.findMany({ where: { userId: user.id }, select: { id: true, factId: true } })) {
      if (!questionsOf.has(card.factId)) questionsOf.set(card.factId, await db().question.findMany({ where: { factId: card.factId, retiredAt: null }, select: { id: true, type: true, payload: true } }));
      const q = questionForReview(questionsOf.get(card.factId)!, card.id, 0);
      if (q) reviews.push({ cookie, cardId: card.id, questionId: q.id, answer: sampleAnswer(q.type, JSON.parse(q.payload)) });
    }
  }
  // Interleave learners so concurrent requests come from different people, as in a class.
  reviews.sort((a, b) => a.cardId.localeCompare(b.cardId));
  return { cookies, lessonSlug: lesson.slug, submits, quizUrl, reviewCookies, reviews };
}

/** Some well-formed answer of the right kind (right or wrong does not matter for load). */
function sampleAnswer(type: string, q: { options?: { id: string }[] | null; pairs?: unknown[] | null }) {
  const ids = (q.options ?? []).map((o) => o.id);
  switch (type) {
    case "figure-typed":
      return { kind: "typed", text: "42%" };
    case "true-false":
      return { kind: "bool", value: true };
    case "matching":
      return { kind: "matching", choices: (q.pairs ?? []).map((_, i) => ids[i % ids.length]) };
    case "ordering":
      return { kind: "ordering", order: ids };
    default:
      return { kind: "option", optionId: ids[0] };
  }
}


interface Request {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

interface Target {
  name: string;
  /** For BENCH_TARGETS. */
  key: string;
  /** The next request to send (each simulated student takes the next one). */
  next: () => Request;
}

interface Run {
  seconds: number;
  times: number[];
  /** When each request was sent, in seconds from the start of the run (same order as times). */
  sentAt: number[];
  errors: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `students` simulated students for `seconds`: each waits a think time (exponential, mean
 * `thinkSeconds`; none when 0), sends one request, reads the whole reply, and again. Requests still
 * in flight at the end are waited for and counted.
 */
async function simulate(target: Target, students: number, thinkSeconds: number, seconds: number): Promise<Run> {
  const start = performance.now();
  const end = start + seconds * 1000;
  const times: number[] = [];
  const sentAt: number[] = [];
  let errors = 0;
  const think = () => (thinkSeconds > 0 ? sleep(-Math.log(1 - Math.random()) * thinkSeconds * 1000) : Promise.resolve());
  await Promise.all(
    Array.from({ length: students }, async () => {
      // Students start at random moments, not all at once.
      if (thinkSeconds > 0) await sleep(Math.random() * thinkSeconds * 1000);
      while (performance.now() < end) {
        const r = target.next();
        const t = performance.now();
        try {
          const response = await fetch(`${BASE}${r.path}`, { method: r.method ?? "GET", headers: r.headers, body: r.body, redirect: "manual" });
          await response.arrayBuffer();
          if (response.status >= 300) errors++;
        } catch {
          errors++;
        }
        times.push(performance.now() - t);
        sentAt.push((t - start) / 1000);
        await think();
      }
    }),
  );
  return { seconds: (performance.now() - start) / 1000, times, sentAt, errors };
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
}

const perSecond = (r: Run) => r.times.length / r.seconds;

function row(name: string, r: Run, baseline: Run) {
  const sorted = [...r.times].sort((a, b) => a - b);
  const ms = (p: number) => percentile(sorted, p).toFixed(1).padStart(7);
  // When the slowest request was sent: in the first second or two it is the server's warm-up.
  const slowest = r.sentAt[r.times.indexOf(sorted.at(-1)!)] ?? NaN;
  return `${name.padEnd(40)} ${perSecond(r).toFixed(0).padStart(7)} ${(perSecond(r) / perSecond(baseline)).toFixed(2).padStart(6)} ${ms(50)} ${ms(95)} ${ms(99)} ${ms(100)} ${slowest.toFixed(1).padStart(6)} ${String(r.errors).padStart(6)}`;
}

async function firstLoadJs(url: string, cookie: string): Promise<number> {
  const html = await (await fetch(`${BASE}${url}`, { headers: { cookie } })).text();
  // Scripts a modern browser loads: it skips `nomodule` polyfills (the attribute may follow src).
  const tags = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
  const scripts = [...new Set(tags.filter((attrs) => !/\bnomodule\b/i.test(attrs)).flatMap((attrs) => /\bsrc="([^"]+)"/.exec(attrs)?.[1] ?? []))];
  let total = 0;
  for (const src of scripts) total += gzipSync(Buffer.from(await (await fetch(new URL(src, BASE))).arrayBuffer())).length;
  return total;
}

const server = await startServer();
try {
  console.log(`\nPreparing ${STUDENTS} students with open attempts…`);
  const fixture = await makeFixture();
  let cookieIndex = 0;
  let submitIndex = 0;
  let reviewIndex = 0;
  const nextCookie = () => fixture.cookies[cookieIndex++ % fixture.cookies.length];
  const nextReviewCookie = () => fixture.reviewCookies[cookieIndex++ % fixture.reviewCookies.length];
  const jsonHeaders = (cookie: string) => ({ cookie, "content-type": "application/json", origin: BASE });

  const targets: Target[] = [
    { key: "static", name: "static file (baseline)", next: () => ({ path: "/robots.txt" }) },
    { key: "lesson", name: `lesson page /lessons/${fixture.lessonSlug}`.slice(0, 40), next: () => ({ path: `/lessons/${fixture.lessonSlug}`, headers: { cookie: nextCookie() } }) },
    // What the cached lesson page asks once shown (the reader's header and quiz offer, decisions/0042).
    { key: "reader", name: "lesson reader GET /api/reader?lesson=…", next: () => ({ path: `/api/reader?lesson=${fixture.lessonSlug}`, headers: { cookie: nextCookie() } }) },
    {
      key: "quiz",
      name: "quiz answer POST /api/quiz/answers",
      next: () => {
        const a = fixture.submits[submitIndex++ % fixture.submits.length];
        const body = JSON.stringify({ attemptId: a.attemptId, questionId: a.questionId, answer: a.answer, timeTakenMs: 1234 });
        return { path: "/api/quiz/answers", method: "POST", headers: jsonHeaders(a.cookie), body };
      },
    },
    { key: "review", name: "review page /review", next: () => ({ path: "/review", headers: { cookie: nextReviewCookie() } }) },
    // What the cached review page asks once shown (the learner's card, counts and filters, decisions/0045).
    { key: "review-session", name: "review card GET /api/review/session", next: () => ({ path: "/api/review/session", headers: { cookie: nextReviewCookie() } }) },
    // "Next card": the page keeps the filters' lists it has (decisions/0048).
    { key: "review-next", name: "review next card GET …session?filters=0", next: () => ({ path: "/api/review/session?filters=0", headers: { cookie: nextReviewCookie() } }) },
    {
      key: "review-answer",
      name: "review answer POST /api/review/answers",
      next: () => {
        const r = fixture.reviews[reviewIndex++ % fixture.reviews.length];
        const body = JSON.stringify({ cardId: r.cardId, version: 0, questionId: r.questionId, answer: r.answer, durationMs: 1234 });
        return { path: "/api/review/answers", method: "POST", headers: jsonHeaders(r.cookie), body };
      },
    },
  ];

  const only = process.env.BENCH_TARGETS?.split(",").map((k) => k.trim());
  if (only) targets.splice(0, targets.length, ...targets.filter((t) => t.key === "static" || only.includes(t.key)));
  const header = `${"target".padEnd(40)} ${"req/s".padStart(7)} ${"ratio".padStart(6)} ${"p50".padStart(7)} ${"p95".padStart(7)} ${"p99".padStart(7)} ${"max".padStart(7)} ${"max at".padStart(6)} ${"errors".padStart(6)}`;
  const phases = [
    { title: `Students: ${SIMULATED} simulated students, ${THINK} s think time on average`, think: THINK },
    { title: `Capacity: ${SIMULATED} simulated students, no think time`, think: 0 },
  ];
  let reviewRequests = 0;
  const capacity: { target: string; perSecond: number }[] = [];
  for (const phase of phases) {
    console.log(`\n${phase.title}, ${SECONDS} s per target (latency in ms)\n${header}`);
    const runs: Run[] = [];
    for (const t of targets) {
      const r = await simulate(t, SIMULATED, phase.think, SECONDS);
      runs.push(r);
      console.log(row(t.name, r, runs[0]));
      if (phase.think === 0) capacity.push({ target: t.name, perSecond: perSecond(r) });
    }
    reviewRequests += runs[targets.findIndex((t) => t.key === "review-answer")]?.times.length ?? 0;
  }
  const { db } = await import("@/lib/server/db");
  console.log(`\nResponses stored: ${await db().response.count()} (one per attempt and question, ${fixture.submits.length} possible)`);
  console.log(`Reviews logged: ${await db().reviewLog.count()} for ${reviewRequests} review answers sent (${fixture.reviews.length} new cards, each answered once)`);

  console.log("\nFirst-load JavaScript (gzipped, all <script src> of the page):");
  console.log(`  lesson page  ${(await firstLoadJs(`/lessons/${fixture.lessonSlug}`, fixture.cookies[0]) / 1024).toFixed(1)} kB`);
  console.log(`  quiz page    ${(await firstLoadJs(fixture.quizUrl, fixture.cookies[0]) / 1024).toFixed(1)} kB`);
  console.log(`  review page  ${(await firstLoadJs("/review", fixture.reviewCookies[0]) / 1024).toFixed(1)} kB`);
  if (process.env.BENCH_RESULT_FILE) writeFileSync(process.env.BENCH_RESULT_FILE, JSON.stringify(capacity));
} finally {
  server.kill("SIGTERM");
  // The cluster stops its processes before the database it ran on may be dropped.
  if (server.exitCode === null) await new Promise((r) => server.once("exit", r));
}
process.exit(0);

/**
 * `--instances N`: this script again, once with 1 process and once with N behind HAProxy, each on
 * a fresh PostgreSQL database; then the capacity (req/s with no think time) of each target side by side.
 */
async function compareInstances(n: number): Promise<never> {
  const admin = process.env.BENCH_DATABASE_URL ?? (/^postgres(ql)?:\/\//.test(process.env.TEST_DATABASE_URL ?? "") ? process.env.TEST_DATABASE_URL! : "postgresql://postgres@127.0.0.1:5432/postgres");
  const pg = (await import("pg")).default;
  const query = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const counts = [...new Set([1, n])];
  const results: { target: string; perSecond: number }[][] = [];
  const dir = mkdtempSync(path.join(tmpdir(), "bench-http-"));
  for (const count of counts) {
    const name = `quiz_bench_${process.pid}_${count}`;
    const url = new URL(admin);
    url.pathname = `/${name}`;
    const resultFile = path.join(dir, `${count}.json`);
    console.log(`\n═══ ${count} server process${count === 1 ? "" : "es"} behind HAProxy, PostgreSQL ═══`);
    await query(`CREATE DATABASE ${name}`);
    try {
      const run = spawnSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/bench-http.ts"], {
        stdio: "inherit",
        env: { ...process.env, BENCH_INSTANCES: String(count), BENCH_DATABASE: url.toString(), BENCH_SECRET: randomBytes(32).toString("base64url"), BENCH_RESULT_FILE: resultFile },
      });
      if (run.status !== 0 || !existsSync(resultFile)) throw new Error(`the bench with ${count} process(es) failed (exit ${run.status ?? run.signal})`);
      results.push(JSON.parse(readFileSync(resultFile, "utf8")) as { target: string; perSecond: number }[]);
    } finally {
      await query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  }
  rmSync(dir, { recursive: true, force: true });
  console.log(`\nCapacity (req/s, ${SIMULATED} simulated students, no think time): ${counts.map((c) => `${c} process${c === 1 ? "" : "es"}`).join(" vs ")}`);
  console.log(`${"target".padEnd(40)} ${counts.map((c) => `${c} proc`.padStart(8)).join(" ")} ${"×".padStart(6)}`);
  results[0]!.forEach((r, i) => {
    const values = results.map((run) => run[i]?.perSecond ?? NaN);
    console.log(`${r.target.padEnd(40)} ${values.map((v) => v.toFixed(0).padStart(8)).join(" ")} ${(values.at(-1)! / values[0]!).toFixed(2).padStart(6)}`);
  });
  process.exit(0);
}
