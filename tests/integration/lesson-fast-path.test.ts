import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import { db } from "@/lib/server/db";
import { syncContent, type SyncInput } from "@/lib/server/data/content-sync";
import { getLessonHead } from "@/lib/server/data/lessons";
import { createAccount, endSessions, setUserLocale, type SessionUser } from "@/lib/server/data/users";
import { prepareSplice } from "@/lib/gzip-splice";
import { clearPages, keepPage, lessonPageKey, pageCache } from "@/lib/page-cache";
import { serveCachedLessonPage } from "@/lib/lesson-fast-path";
import { fixtureContent } from "../support/quiz-fixtures";

// The route module reads cookies through next/headers inside Next only; here nothing calls it.
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }), headers: async () => new Headers() }));
const { readLessonForReader } = await import("@/lib/server/lesson-document");

// The lesson pages the server around Next answers from the page cache (decisions/0049): keyed by
// the version read from the database on each request, so a sync, wherever it ran, changes what is
// served for exactly the lessons it changed; and a session counts only while the database says so.
const provider = inject("databaseProvider");
const A = `fasta${provider}`;
const B = `fastb${provider}`;
const SECRET = "integration-fast-path-secret-0123456789";
const env = { NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: "http://localhost:3000", NODE_ENV: "production" } as unknown as NodeJS.ProcessEnv;

function content(change: { sentenceA?: string; withoutB?: boolean } = {}): SyncInput {
  const a = fixtureContent(A);
  const b = fixtureContent(B);
  if (change.sentenceA) a.lessons[0].body.sections[0].paragraphs[0].sentences[0].text = change.sentenceA;
  if (change.withoutB) return { lessons: a.lessons, sectors: a.sectors, questions: a.questions };
  return { lessons: [...a.lessons, ...b.lessons], sectors: a.sectors, questions: [...a.questions, ...b.questions] };
}

let reader: SessionUser;
let server: Server;
let port: number;

/** What a request for the lesson gets: the cached page's text, or "next" when it is passed on to Next's route. */
function get(slug: string, cookie?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: `/lessons/${slug}`, headers: cookie ? { cookie } : {} }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve(body));
    });
    req.on("error", reject);
    req.end();
  });
}

/** Fills the cache as the route would after rendering: one entry per lesson at its current version, in English and Chinese. */
async function render(...slugs: string[]) {
  for (const slug of slugs) {
    const { contentHash: hash } = await db().lesson.findUniqueOrThrow({ where: { slug }, select: { contentHash: true } });
    for (const locale of ["en", "zh"]) keepPage(lessonPageKey(slug, hash, locale), prepareSplice(`${slug} ${hash} ${locale}`, "NONCE"));
  }
}

beforeAll(async () => {
  reader = await createAccount({ name: "Fast reader", email: `fast-reader-${provider}@example.com`, password: "long-enough-pw", role: "STUDENT" });
  await syncContent(content());
  server = createServer((req, res) => {
    void serveCachedLessonPage(req, res, env).then((done) => done || res.end("next"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});
beforeEach(() => clearPages());

describe(`lesson pages answered before Next, on ${provider}`, () => {
  it("the app's bundle registers its one read; it returns the lesson's version and owner, and the user only when there is one", async () => {
    expect(pageCache().readLesson).toBe(readLessonForReader);
    const head = (await getLessonHead(null, A))!;
    expect(await readLessonForReader(A, null)).toEqual({ contentHash: head.contentHash, ownerId: null, user: null });
    expect(await readLessonForReader(A, reader.id)).toEqual({ contentHash: head.contentHash, ownerId: null, user: { role: "STUDENT", locale: null, sessionVersion: 0 } });
    expect(await readLessonForReader(A, "no-such-user")).toEqual({ contentHash: head.contentHash, ownerId: null, user: null });
    expect(await readLessonForReader("no-such-lesson", reader.id)).toBeNull();
  });

  it("a sync that changes one lesson stops serving that lesson's page, and only that one", async () => {
    await render(A, B);
    const before = { a: await get(A), b: await get(B) };
    expect(before.a).toMatch(new RegExp(`^${A} \\S+ en$`));
    expect(before.b).toMatch(new RegExp(`^${B} \\S+ en$`));

    await syncContent(content());
    expect(await get(A)).toBe(before.a); // an unchanged sync keeps every page

    await syncContent(content({ sentenceA: "A sentence changed by a sync, 17% of it." }));
    expect(await get(A)).toBe("next"); // the route renders the new version …
    expect(await get(B)).toBe(before.b);
    await render(A);
    const after = await get(A);
    expect(after).not.toBe(before.a); // … which is served from then on
    expect(after).toBe(`${A} ${(await getLessonHead(null, A))!.contentHash} en`);
  });

  it("a lesson a sync retired is passed on (the route answers not found), never served from the cache", async () => {
    await syncContent(content());
    await render(A, B);
    await syncContent({ ...content({ withoutB: true }), retireMissingLessons: true });
    try {
      expect(await readLessonForReader(B, null)).toBeNull();
      expect(await get(B)).toBe("next");
      expect(await get(A)).toMatch(new RegExp(`^${A} `));
    } finally {
      await syncContent(content());
    }
  });

  it("an instructor's lesson is passed on, whoever asks", async () => {
    const owner = await createAccount({ name: "Fast owner", email: `fast-owner-${provider}@example.com`, password: "long-enough-pw", role: "INSTRUCTOR" });
    await db().lesson.update({ where: { slug: A }, data: { ownerId: owner.id } });
    try {
      await render(A);
      expect((await readLessonForReader(A, null))?.ownerId).toBe(owner.id);
      expect(await get(A)).toBe("next");
    } finally {
      await db().lesson.update({ where: { slug: A }, data: { ownerId: null } });
    }
  });

  it("the reader's language setting picks the page while their session stands; once ended they read as signed out", async () => {
    await render(A);
    await setUserLocale(reader.id, "zh");
    const cookie = `next-auth.session-token=${await encode({ token: { id: reader.id, role: "STUDENT", sessionVersion: 0 }, secret: SECRET })}; locale=en`;
    expect(await get(A, cookie)).toMatch(/ zh$/);
    await endSessions(reader.id);
    expect(await get(A, cookie)).toMatch(/ en$/);
  });
});
