// Two server processes on one PostgreSQL database behind HAProxy (docs/decisions/0029): the
// cluster `npm start -- --instances 2` runs (scripts/lib/cluster.ts), on the production build the
// e2e web server made, on ports of its own, against a fresh database this spec creates and drops.
// Each check talks to the balancer and to each process directly.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { expect, test } from "@playwright/test";
import { findHaproxy, startCluster, type Cluster } from "../scripts/lib/cluster";

test.describe.configure({ mode: "serial" });

const PORT = Number(process.env.E2E_PORT ?? 3100) + 1000;
const ADMIN_URL = /^postgres(ql)?:\/\//.test(process.env.TEST_DATABASE_URL ?? "") ? process.env.TEST_DATABASE_URL! : "postgresql://postgres@127.0.0.1:5432/postgres";
const DB_NAME = `quiz_scale_${process.pid}_${Date.now()}`;
const PASSWORD = "scale-out-password";

let cluster: Cluster;
let workDir: string;
let documentFile: string;
let env: NodeJS.ProcessEnv;
let dbUrl: string;
const email = `scale-${Date.now()}@example.com`;

async function admin<T>(fn: (client: pg.Client) => Promise<T>, url = ADMIN_URL): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Runs a project script against the cluster's database, failing the test with its output. Not
 * spawnSync: a blocked event loop would not see the processes close idle kept-alive connections,
 * and the next fetch would be sent on a closed one.
 */
function script(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(output) : reject(new Error(`${args.join(" ")} failed (exit ${code}):\n${output}`))));
  });
}
const tsx = (file: string, ...rest: string[]) => script([path.resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", file, ...rest]);

test.beforeAll(async () => {
  test.setTimeout(300_000);
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: the e2e web server (npm start) makes it before the specs run.");
  const haproxy = findHaproxy();
  if (!haproxy) throw new Error("haproxy is not installed (apt-get install haproxy; .ci/run installs it).");

  await admin((c) => c.query(`CREATE DATABASE ${DB_NAME}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DB_NAME}`;
  dbUrl = url.toString();

  // A content folder of its own: the sector list and the first document, which the test changes.
  workDir = mkdtempSync(path.join(tmpdir(), "quiz-scale-out-"));
  const contentDir = path.join(workDir, "content");
  const document = readdirSync("content").filter((f) => /\.(md|txt)$/.test(f)).sort()[0]!;
  cpSync("content/sectors.yaml", path.join(contentDir, "sectors.yaml"));
  cpSync(path.join("content", document), path.join(contentDir, document));
  documentFile = path.join(contentDir, document);

  const inherited = { ...process.env };
  delete inherited.NODE_OPTIONS;
  env = {
    ...inherited,
    DATABASE_URL: dbUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: `http://localhost:${PORT}`,
    APP_DATA_DIR: path.join(workDir, "data"),
    CONTENT_DIR: contentDir,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    LOG_LEVEL: "error",
  };
  await script(["scripts/db/prisma-cli.mjs", "migrate", "deploy"]);
  await tsx("scripts/content-sync.ts");
  await tsx("scripts/user-create.ts", "--email", email, "--password", PASSWORD);

  cluster = await startCluster({ instances: 2, port: PORT, env, haproxy, dir: workDir, stdio: ["ignore", "ignore", "inherit"], say: () => undefined });
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  const clean = cluster ? await cluster.stop() : true;
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`)).catch(() => undefined);
  if (workDir) rmSync(workDir, { recursive: true, force: true });
  // SIGTERM to each app and SIGUSR1 to HAProxy: all of them exit 0.
  expect(clean).toBe(true);
});

/** One sign-in through next-auth's credentials callback: the session cookie, or the error it answered. */
async function signIn(base: string, account: string, password: string, forwardedFor?: string): Promise<{ cookie?: string; error: string }> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie, ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) },
    body: new URLSearchParams({ email: account, password, csrfToken, json: "true" }),
  });
  const { url } = (await response.json()) as { url: string };
  const session = response.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  return { cookie: session?.split(";")[0], error: new URL(url).searchParams.get("error") ?? "signed in" };
}

async function sessionEmail(base: string, cookie: string): Promise<string | null> {
  const session = (await (await fetch(`${base}/api/auth/session`, { headers: { cookie } })).json()) as { user?: { email?: string } };
  return session.user?.email ?? null;
}

async function health(base: string): Promise<{ ok: boolean; content: { version: string } }> {
  return (await (await fetch(`${base}/api/health`)).json()) as { ok: boolean; content: { version: string } };
}

test("both processes answer healthy behind the balancer, on one database and one content version", async () => {
  const [a, b, front] = await Promise.all([health(cluster.backends[0]!), health(cluster.backends[1]!), health(cluster.url)]);
  expect([a.ok, b.ok, front.ok]).toEqual([true, true, true]);
  expect(b.content.version).toBe(a.content.version);
  expect(front.content.version).toBe(a.content.version);
});

test("a session made by one process is honoured by the other, directly and through the balancer", async () => {
  const [first, second] = cluster.backends as [string, string];
  const { cookie, error } = await signIn(first, email, PASSWORD);
  expect(error).toBe("signed in");
  expect(cookie).toBeTruthy();
  expect(await sessionEmail(second, cookie!)).toBe(email);
  expect(await sessionEmail(first, cookie!)).toBe(email);
  // Round robin: four requests through the balancer reach both processes.
  for (let i = 0; i < 4; i++) expect(await sessionEmail(cluster.url, cookie!)).toBe(email);
  // A signed-in page renders on the other process (no redirect to the sign-in page).
  const page = await fetch(`${second}/lessons`, { headers: { cookie: cookie! }, redirect: "manual" });
  expect(page.status).toBe(200);

  // And the other way round.
  const other = await signIn(second, email, PASSWORD);
  expect(await sessionEmail(first, other.cookie!)).toBe(email);
});

test("wrong passwords sent to the two processes in turn are counted together and lock after the limit", async () => {
  const [first, second] = cluster.backends as [string, string];
  // The address HAProxy would have appended (each process trusts one hop): one for this test.
  const address = `203.0.113.${1 + Math.floor(Math.random() * 250)}`;
  for (let i = 0; i < 5; i++) {
    expect(await signIn(i % 2 === 0 ? first : second, email, "not-the-password", address), `attempt ${i + 1}`).toEqual({ error: "The email or password is not right." });
  }
  expect((await signIn(second, email, "not-the-password", address)).error).toMatch(/^Too many sign-in attempts/);
  // Locked on both, even with the right password, for this account at this address.
  expect((await signIn(first, email, PASSWORD, address)).error).toMatch(/^Too many sign-in attempts/);
  expect((await signIn(second, email, PASSWORD, address)).error).toMatch(/^Too many sign-in attempts/);

  // Through the balancer: the address is the one HAProxy appends, whatever the client forges, and
  // the count spans whichever process each attempt reached.
  const stranger = `nobody-${Date.now()}@example.com`;
  for (let i = 0; i < 5; i++) {
    expect((await signIn(cluster.url, stranger, "not-the-password", `198.51.100.${i + 1}`)).error).toBe("The email or password is not right.");
  }
  expect((await signIn(cluster.url, stranger, "not-the-password", "198.51.100.99")).error).toMatch(/^Too many sign-in attempts/);
});

test("a content sync is served by both processes at once, also a lesson each had already rendered", async () => {
  const [first, second] = cluster.backends as [string, string];
  const { cookie } = await signIn(first, email, PASSWORD);
  const slug = await admin(async (c) => (await c.query<{ slug: string }>(`SELECT slug FROM "Lesson" WHERE "retiredAt" IS NULL ORDER BY position LIMIT 1`)).rows[0]!.slug, dbUrl);
  const lessonHtml = async (base: string) => {
    const response = await fetch(`${base}/lessons/${encodeURIComponent(slug)}`, { headers: { cookie: cookie! } });
    expect(response.status).toBe(200);
    return response.text();
  };
  // Letters only: a digit would be taken for a figure and highlighted, splitting the text.
  const marker = `Scale-out check ${[...randomBytes(8)].map((b) => String.fromCharCode(97 + (b % 26))).join("")}`;
  const before = (await health(first)).content.version;
  for (const base of [first, second, cluster.url]) expect(await lessonHtml(base)).not.toContain(marker);

  appendFileSync(documentFile, `\n\n${marker}: this paragraph was added by the test after both processes had served the lesson.\n`);
  await tsx("scripts/content-sync.ts");

  const [a, b] = await Promise.all([health(first), health(second)]);
  expect(a.content.version).not.toBe(before);
  expect(b.content.version).toBe(a.content.version);
  for (const base of [first, second, cluster.url, cluster.url]) expect(await lessonHtml(base)).toContain(marker);
});
