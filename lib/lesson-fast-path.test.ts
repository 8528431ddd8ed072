import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseCookies, serveCachedLessonPage } from "./lesson-fast-path";
import { cachedPage, clearPages, keepPage, lessonPageKey, MAX_PAGES, pageCache, type LessonForReader, type ReadLessonForReader } from "./page-cache";
import { prepareSplice } from "./gzip-splice";
import { SECURITY_HEADERS } from "./security-headers.js";
import nextConfig from "../next.config.js";

const SECRET = "a-test-secret-of-enough-length-0123456789";
const env = { NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: "http://localhost:3000", NODE_ENV: "production" } as unknown as NodeJS.ProcessEnv;
const RENDER_NONCE = "UmVuZGVyTm9uY2UwMDAwMA==";
const page = (text: string) => `<!DOCTYPE html><html><head><script nonce="${RENDER_NONCE}" src="/_next/a.js"></script></head><body>${text}</body></html>`;

/** The database as the fake reader sees it; each test sets what it needs. */
let lessons: Record<string, { contentHash: string; ownerId: string | null }>;
let users: Record<string, { role: string; locale: string | null; sessionVersion: number }>;
let reads: { slug: string; userId: string | null }[];
let failReads = false;
const readLesson: ReadLessonForReader = async (slug, userId) => {
  reads.push({ slug, userId });
  if (failReads) throw new Error("database down");
  const lesson = lessons[slug];
  if (!lesson) return null;
  return { ...lesson, user: (userId && users[userId]) || null } satisfies LessonForReader;
};

let server: Server;
let port: number;
/** What the fast path passed on (the stand-in for Next answers 599 so a pass-through is plain to see). */
let passed: string[];
let customEnv: NodeJS.ProcessEnv;

beforeAll(async () => {
  server = createServer((req, res) => {
    void serveCachedLessonPage(req, res, customEnv).then((done) => {
      if (done) return;
      passed.push(req.url ?? "");
      res.statusCode = 599;
      res.end("next");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

beforeEach(() => {
  clearPages();
  pageCache().readLesson = readLesson;
  lessons = { "chip-exports": { contentHash: "v1", ownerId: null }, owned: { contentHash: "o1", ownerId: "teacher" } };
  users = { alice: { role: "STUDENT", locale: "zh", sessionVersion: 2 }, bob: { role: "STUDENT", locale: null, sessionVersion: 0 } };
  reads = [];
  passed = [];
  failReads = false;
  customEnv = env;
  keepPage(lessonPageKey("chip-exports", "v1", "en"), prepareSplice(page("English v1"), RENDER_NONCE));
  keepPage(lessonPageKey("chip-exports", "v1", "zh"), prepareSplice(page("中文 v1"), RENDER_NONCE));
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

type Claims = { id: string; sessionVersion?: number };
const token = (claims: Claims, secret = SECRET, maxAge?: number) => encode({ token: { role: "STUDENT", ...claims }, secret, ...(maxAge === undefined ? {} : { maxAge }) });
const session = async (claims: Claims) => `next-auth.session-token=${await token(claims)}`;
const text = (r: Reply) => (r.headers["content-encoding"] === "gzip" ? gunzipSync(r.body) : r.body).toString("utf8");
const nonceOf = (r: Reply) => /'nonce-([^']+)'/.exec(String(r.headers["content-security-policy"]))?.[1];

describe("a cached lesson page answered before Next", () => {
  it("serves the entry of the lesson's current version with a fresh nonce per response, in the policy and the page alike", async () => {
    const one = await get("/lessons/chip-exports");
    const two = await get("/lessons/chip-exports");
    expect(one.status).toBe(200);
    expect(text(one)).toContain("English v1");
    const n1 = nonceOf(one);
    const n2 = nonceOf(two);
    expect(n1).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(n2).not.toBe(n1);
    expect(text(one)).toContain(`nonce="${n1}"`);
    expect(text(one)).not.toContain(RENDER_NONCE);
    expect(one.headers["content-security-policy"]).toContain("script-src 'self' 'nonce-");
    expect(one.headers["content-security-policy"]).toContain("'strict-dynamic'");
    expect(one.headers["content-security-policy"]).not.toContain("unsafe-eval");
    expect(one.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(one.headers["cache-control"]).toBe("private, no-cache, no-store, max-age=0, must-revalidate");
    expect(one.headers.vary).toContain("Cookie, Accept-Language, Accept-Encoding");
    expect(Number(one.headers["content-length"])).toBe(one.body.length);
    expect(passed).toEqual([]);
    expect(reads).toEqual([{ slug: "chip-exports", userId: null }, { slug: "chip-exports", userId: null }]);
  });

  it("sends the security headers next.config.js sends on every other response", async () => {
    const configured = (await (nextConfig as { headers: () => Promise<{ source: string; headers: { key: string; value: string }[] }[]> }).headers())[0]!;
    expect(configured.source).toBe("/:path*");
    expect(configured.headers).toEqual(SECURITY_HEADERS);
    const reply = await get("/lessons/chip-exports");
    for (const { key, value } of SECURITY_HEADERS) expect(reply.headers[key.toLowerCase()]).toBe(value);
  });

  it("gzips when the client takes it (compressed once, spliced per response), plain otherwise", async () => {
    const zipped = await get("/lessons/chip-exports", { "accept-encoding": "br, gzip;q=0.8" });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers["cache-control"]).toBe("private, no-cache, no-store, max-age=0, must-revalidate, no-transform");
    expect(text(zipped)).toBe(page("English v1").replaceAll(RENDER_NONCE, nonceOf(zipped)!));
    const plain = await get("/lessons/chip-exports", { "accept-encoding": "br, deflate" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString("utf8")).toBe(page("English v1").replaceAll(RENDER_NONCE, nonceOf(plain)!));
  });

  it("answers HEAD with the headers and no body", async () => {
    const reply = await get("/lessons/chip-exports", {}, "HEAD");
    expect(reply.status).toBe(200);
    expect(reply.body.length).toBe(0);
    expect(Number(reply.headers["content-length"])).toBeGreaterThan(0);
  });

  it("picks the interface language as the app does: the signed-in user's setting, then the cookie, then Accept-Language", async () => {
    expect(text(await get("/lessons/chip-exports", { "accept-language": "zh-CN,zh;q=0.9" }))).toContain("中文 v1");
    expect(text(await get("/lessons/chip-exports", { "accept-language": "zh-CN", cookie: "locale=en" }))).toContain("English v1");
    expect(text(await get("/lessons/chip-exports", { cookie: "locale=zh" }))).toContain("中文 v1");
    // alice chose Chinese; her setting wins over the cookie.
    const alice = await session({ id: "alice", sessionVersion: 2 });
    expect(text(await get("/lessons/chip-exports", { cookie: `locale=en; ${alice}` }))).toContain("中文 v1");
    expect(reads.at(-1)).toEqual({ slug: "chip-exports", userId: "alice" });
    // bob has no setting: the cookie decides.
    const bob = await session({ id: "bob" });
    expect(text(await get("/lessons/chip-exports", { cookie: `${bob}; locale=zh` }))).toContain("中文 v1");
    expect(passed).toEqual([]);
  });

  it("reads a session as the app does: an ended, expired, forged or unknown user's token is a signed-out reader", async () => {
    const cases = [
      await session({ id: "alice", sessionVersion: 1 }), // ended: the user's version moved on
      // Expired 5 s ago: within the decryption's clock tolerance, so only the expiry check refuses it.
      `next-auth.session-token=${await token({ id: "alice", sessionVersion: 2 }, SECRET, -5)}`,
      `next-auth.session-token=${await token({ id: "alice", sessionVersion: 2 }, "another-secret-another-secret-0123")}`, // another key
      "next-auth.session-token=not-a-token",
      await session({ id: "nobody" }),
    ];
    for (const cookie of cases) {
      // Signed out, so alice's Chinese setting does not apply: the cookie's English does.
      expect(text(await get("/lessons/chip-exports", { cookie: `${cookie}; locale=en` }))).toContain("English v1");
    }
    // With public lessons off, a signed-out reader is Next's to answer (its route redirects to sign in) …
    customEnv = { ...env, PUBLIC_LESSONS: "off" };
    passed = [];
    for (const cookie of [...cases, ""]) expect((await get("/lessons/chip-exports", { cookie })).status).toBe(599);
    expect(passed).toHaveLength(cases.length + 1);
    // … and a signed-in one is served.
    expect((await get("/lessons/chip-exports", { cookie: await session({ id: "alice", sessionVersion: 2 }) })).status).toBe(200);
  });

  it("reads the session cookie by the name the site's scheme gives it", async () => {
    customEnv = { ...env, NEXTAUTH_URL: "https://quiz.example.org" };
    const raw = await token({ id: "alice", sessionVersion: 2 });
    expect(text(await get("/lessons/chip-exports", { cookie: `next-auth.session-token=${raw}; locale=en` }))).toContain("English v1");
    expect(text(await get("/lessons/chip-exports", { cookie: `__Secure-next-auth.session-token=${raw}; locale=en` }))).toContain("中文 v1");
  });

  it("passes on a new version (the route renders it), and never serves the old one", async () => {
    lessons["chip-exports"] = { contentHash: "v2", ownerId: null };
    expect((await get("/lessons/chip-exports")).status).toBe(599);
    // What the route keeps after its render is then served.
    keepPage(lessonPageKey("chip-exports", "v2", "en"), prepareSplice(page("English v2"), RENDER_NONCE));
    expect(text(await get("/lessons/chip-exports"))).toContain("English v2");
  });

  it("passes on what the route must answer itself: missing, retired or instructors' lessons, unknown roles, errors, no reader yet", async () => {
    expect((await get("/lessons/missing")).status).toBe(599);
    expect((await get("/lessons/owned")).status).toBe(599);
    users.alice!.role = "SOMETHING";
    expect((await get("/lessons/chip-exports", { cookie: await session({ id: "alice", sessionVersion: 2 }) })).status).toBe(599);
    failReads = true;
    expect((await get("/lessons/chip-exports")).status).toBe(599);
    failReads = false;
    pageCache().readLesson = undefined;
    expect((await get("/lessons/chip-exports")).status).toBe(599);
    expect(passed).toEqual(["/lessons/missing", "/lessons/owned", "/lessons/chip-exports", "/lessons/chip-exports", "/lessons/chip-exports"]);
  });

  it("leaves alone every request that is not a lesson page opened as a document, without reading anything", async () => {
    const requests: [string, Record<string, string>, string?][] = [
      ["/lessons/chip-exports?x=1", {}],
      ["/lessons/chip-exports/", {}],
      ["/lessons", {}],
      ["/lessons/%E0%A4%A", {}],
      ["/review", {}],
      ["/lessons/chip-exports", { rsc: "1" }],
      ["/lessons/chip-exports", { "next-router-prefetch": "1" }],
      ["/lessons/chip-exports", { "next-action": "abc" }],
      ["/lessons/chip-exports", { "x-lesson-render": "1" }],
      ["/lessons/chip-exports", {}, "POST"],
    ];
    for (const [path, headers, method] of requests) expect((await get(path, headers, method)).status).toBe(599);
    expect(reads).toEqual([]);
  });

  it("decodes the slug as the route does", async () => {
    lessons["中国"] = { contentHash: "z1", ownerId: null };
    keepPage(lessonPageKey("中国", "z1", "en"), prepareSplice(page("decoded"), RENDER_NONCE));
    expect(text(await get(`/lessons/${encodeURIComponent("中国")}`))).toContain("decoded");
    expect(reads).toEqual([{ slug: "中国", userId: null }]);
  });
});

describe("the page cache", () => {
  it("is one map for every copy of the code in the process (on globalThis)", () => {
    expect((globalThis as unknown as { quizPageCache: unknown }).quizPageCache).toBe(pageCache());
  });

  it("keeps at most MAX_PAGES entries, the least recently used out first", () => {
    clearPages();
    const entry = prepareSplice("x", RENDER_NONCE);
    for (let i = 0; i < MAX_PAGES; i++) keepPage(`k${i}`, entry);
    expect(cachedPage("k0")).toBe(entry); // k0 is now the most recently used
    keepPage("new", entry);
    expect(cachedPage("k1")).toBeUndefined();
    expect(cachedPage("k0")).toBe(entry);
    expect(cachedPage("new")).toBe(entry);
    expect(pageCache().entries.size).toBe(MAX_PAGES);
  });

  it("keys a lesson by slug, content version and language", () => {
    const keys = new Set([lessonPageKey("a", "v1", "en"), lessonPageKey("a", "v2", "en"), lessonPageKey("a", "v1", "zh"), lessonPageKey("b", "v1", "en")]);
    expect(keys.size).toBe(4);
  });
});

describe("parseCookies", () => {
  it("reads a Cookie header as Next's cookies() does", () => {
    const map = parseCookies("a=1; b=x%20y;c=2; flag; a=3; bad=%E0%A4%A");
    expect(map.get("a")).toBe("3");
    expect(map.get("b")).toBe("x y");
    expect(map.get("c")).toBe("2");
    expect(map.get("flag")).toBe("true");
    expect(map.has("bad")).toBe(false);
    expect(parseCookies(undefined).size).toBe(0);
  });
});
