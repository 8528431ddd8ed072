import "server-only";
import { cookies } from "next/headers";
import { lessonShellToken, PASS_HEADER, SHELL_HEADER } from "@/lib/server/lesson-shell";
import { db } from "@/lib/server/db";
import { getCurrentUser } from "@/lib/server/auth/session";
import { publicLessonsEnabled } from "@/lib/server/public-lessons";
import { LOCALE_COOKIE, resolveLocale, type Locale } from "@/i18n/config";
import { contentSecurityPolicy, createNonce } from "@/lib/content-security-policy";
import { prepareSplice } from "@/lib/gzip-splice";
import { acceptsGzip, cachedPage, clearPages, keepPage, lessonPageKey, PAGE_HEADERS, pageCache, pageResponse, type CachedPage, type LessonForReader } from "@/lib/page-cache";

/**
 * The lesson page as a document, without a React render per request (docs/decisions/0042).
 *
 * A shared-library lesson's page is the same for every reader of one content version in one
 * interface language, once the per-reader parts (the header's account area, the quiz buttons) are
 * client components that ask /api/reader. So the page is rendered once per
 * (slug, Lesson.contentHash, locale) by Next itself, for nobody (a request to this process carrying
 * the shell token below), kept in this process's memory, and served again with the response's own
 * nonce put where the render's nonce was. The key is read from the database on every request, so a
 * sync seen by any process changes the key of the lessons it changed, and only theirs
 * (decisions/0027, 0029). An instructor's lesson (ownerId set) is never cached: it is rendered per
 * request as before, so no shared entry can hold a lesson someone may not see.
 *
 * The cache is lib/page-cache.ts, shared with the server around Next, which answers a lesson page
 * already in it by itself (lib/lesson-fast-path.ts, decisions/0049) under the same rules; this route
 * then serves the rest: the first reader of a key, instructors' lessons, missing ones, redirects.
 */

type Entry = CachedPage;

function selfOrigin(): string {
  const host = process.env.LISTEN_HOST && process.env.LISTEN_HOST !== "0.0.0.0" ? process.env.LISTEN_HOST : "127.0.0.1";
  return `http://${host.includes(":") ? `[${host}]` : host}:${process.env.PORT ?? 3000}`;
}

const NONCE_IN_POLICY = /'nonce-([^']+)'/;

/** Renders the page at `path` for nobody in `locale` (a lesson must be in the shared library). */
async function renderShell(path: string, locale: Locale): Promise<Entry | null> {
  const response = await fetch(`${selfOrigin()}${path}`, {
    headers: { [SHELL_HEADER]: lessonShellToken() ?? "", [PASS_HEADER]: "1", cookie: `${LOCALE_COOKIE}=${locale}` },
    redirect: "manual",
    cache: "no-store",
  });
  const html = await response.text();
  const nonce = NONCE_IN_POLICY.exec(response.headers.get("content-security-policy") ?? "")?.[1];
  if (response.status !== 200 || !nonce) return null;
  return prepareSplice(html, nonce);
}

/**
 * The page at `path` rendered for nobody, from this process's cache under `key` (which must name
 * everything the render depends on; the review page uses it too, decisions/0045).
 */
export async function cachedShell(key: string, path: string, locale: Locale): Promise<Entry | null> {
  const hit = cachedPage(key);
  if (hit) return hit;
  // One render per key at a time, however many readers ask meanwhile.
  const { pending } = pageCache();
  let job = pending.get(key);
  if (!job) {
    job = renderShell(path, locale).finally(() => pending.delete(key));
    pending.set(key, job);
  }
  const entry = await job;
  if (entry) keepPage(key, entry);
  return entry;
}

/**
 * The lesson `slug` if it is not retired, with its version and owner, and the user `userId` (when
 * given and found): one plain SQL statement, as on the other hot paths (decisions/0027). The server
 * around Next uses it for every lesson page it answers from the cache (lib/lesson-fast-path.ts).
 */
export async function readLessonForReader(slug: string, userId: string | null): Promise<LessonForReader | null> {
  const [row] = await db().$queryRaw<{ contentHash: string; ownerId: string | null; userId: string | null; role: string | null; locale: string | null; sessionVersion: number | bigint | null }[]>`
    SELECT l."contentHash", l."ownerId", u."id" AS "userId", u."role", u."locale", u."sessionVersion"
    FROM "Lesson" l LEFT JOIN "User" u ON u."id" = ${userId}
    WHERE l."slug" = ${slug} AND l."retiredAt" IS NULL`;
  if (!row) return null;
  const user = row.userId === null ? null : { role: row.role ?? "", locale: row.locale, sessionVersion: Number(row.sessionVersion) };
  return { contentHash: row.contentHash, ownerId: row.ownerId, user };
}

// The server around Next reads lessons through this bundle's database client (lib/page-cache.ts).
pageCache().readLesson = readLessonForReader;

/**
 * A fresh nonce for this response, and the policy that names it. Made here, never taken from the
 * request: the proxy does not run on this route (decisions/0046), so an `x-nonce` header would be
 * the client's own.
 */
function responseNonce(): { nonce: string; policy: string } {
  const nonce = createNonce();
  return { nonce, policy: contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" }) };
}

/** The page at `path` rendered per request (an instructor's lesson, a missing one): the same request, passed through. */
export async function renderThrough(request: Request, path: string): Promise<Response> {
  const forwarded = new Headers();
  for (const name of ["cookie", "accept-language"]) {
    const value = request.headers.get(name);
    if (value !== null) forwarded.set(name, value);
  }
  forwarded.set(PASS_HEADER, "1");
  const inner = await fetch(`${selfOrigin()}${path}`, { headers: forwarded, redirect: "manual", cache: "no-store" });
  const { nonce, policy } = responseNonce();
  const innerNonce = NONCE_IN_POLICY.exec(inner.headers.get("content-security-policy") ?? "")?.[1];
  const out = new Headers(inner.headers);
  for (const name of ["content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "date"]) out.delete(name);
  out.set("content-security-policy", policy);
  const body = await inner.text();
  return new Response(innerNonce ? body.replaceAll(innerNonce, nonce) : body, { status: inner.status, headers: out });
}

/** GET /lessons/[slug] as a document (the server around Next sends it here: lib/document-route.ts). */
export async function serveLessonDocument(request: Request, slug: string): Promise<Response> {
  const path = `/lessons/${encodeURIComponent(slug)}`;
  const user = await getCurrentUser();
  if (!user && !publicLessonsEnabled()) {
    return new Response(null, { status: 307, headers: { location: `/signin?callbackUrl=${encodeURIComponent(path)}`, "cache-control": PAGE_HEADERS["cache-control"] } });
  }
  // The shared library (no owner, not retired) is visible to everyone (lib/server/data/visibility.ts),
  // signed in or out; anything else goes to the page, which applies the reader's visibility. One
  // plain SQL statement, as on the other hot paths (decisions/0027).
  const lesson = await readLessonForReader(slug, null);
  if (!lesson || lesson.ownerId !== null) return renderThrough(request, path);
  // As i18n/request-locale.ts picks it: the user's setting, the cookie, Accept-Language.
  const locale = resolveLocale({ userLocale: user?.locale, cookie: (await cookies()).get(LOCALE_COOKIE)?.value, acceptLanguage: request.headers.get("accept-language") });
  const entry = await cachedShell(lessonPageKey(slug, lesson.contentHash, locale), path, locale);
  if (!entry) return renderThrough(request, path);
  return shellResponse(request, entry);
}

/** A cached page as the response to `request`: its own nonce and policy, gzipped when the client takes it. */
export function shellResponse(request: Request, entry: Entry): Response {
  const gzip = process.env.APP_SERVER_PRECOMPRESSED === "1" && acceptsGzip(request.headers.get("accept-encoding"));
  const { body, headers } = pageResponse(entry, { gzip, dev: process.env.NODE_ENV === "development" });
  // Next drops a route handler's Content-Encoding; the server around it (scripts/lib/app-server.ts)
  // sets it from this header, and no-transform keeps Next from compressing the body again.
  if (gzip) Object.assign(headers, { "x-app-content-encoding": "gzip", "cache-control": `${PAGE_HEADERS["cache-control"]}, no-transform` });
  return new Response(new Uint8Array(body), { status: 200, headers });
}

/** For tests: forget every cached page. */
export function clearLessonDocuments(): void {
  clearPages();
}
