import "server-only";
import { cookies } from "next/headers";
import { lessonShellToken, PASS_HEADER, SHELL_HEADER } from "@/lib/server/lesson-shell";
import { db } from "@/lib/server/db";
import { getCurrentUser } from "@/lib/server/auth/session";
import { publicLessonsEnabled } from "@/lib/server/public-lessons";
import { LOCALE_COOKIE, resolveLocale, type Locale } from "@/i18n/config";
import { contentSecurityPolicy, createNonce } from "@/lib/content-security-policy";
import { gzipSpliced, plainSpliced, prepareSplice, type SplicedText } from "@/lib/gzip-splice";

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
 */

/** The page split where the render's nonce was (each response puts its own there), its parts compressed once. */
type Entry = SplicedText;

const MAX_ENTRIES = 500;
const entries = new Map<string, Entry>();
const pending = new Map<string, Promise<Entry | null>>();

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
  const hit = entries.get(key);
  if (hit) {
    // Most recently used last, so the oldest goes first when full.
    entries.delete(key);
    entries.set(key, hit);
    return hit;
  }
  let job = pending.get(key);
  if (!job) {
    job = renderShell(path, locale).finally(() => pending.delete(key));
    pending.set(key, job);
  }
  const entry = await job;
  if (entry) {
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    entries.set(key, entry);
  }
  return entry;
}

const PAGE_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate",
  vary: "Cookie, Accept-Language, Accept-Encoding",
};

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
  const [lesson] = await db().$queryRaw<{ contentHash: string; ownerId: string | null }[]>`
    SELECT "contentHash", "ownerId" FROM "Lesson" WHERE "slug" = ${slug} AND "retiredAt" IS NULL`;
  if (!lesson || lesson.ownerId !== null) return renderThrough(request, path);
  // As i18n/request-locale.ts picks it: the user's setting, the cookie, Accept-Language.
  const locale = resolveLocale({ userLocale: user?.locale, cookie: (await cookies()).get(LOCALE_COOKIE)?.value, acceptLanguage: request.headers.get("accept-language") });
  const entry = await cachedShell(`${slug}\n${lesson.contentHash}\n${locale}`, path, locale);
  if (!entry) return renderThrough(request, path);
  return shellResponse(request, entry);
}

/** A cached page as the response to `request`: its own nonce and policy, gzipped when the client takes it. */
export function shellResponse(request: Request, entry: Entry): Response {
  const { nonce, policy } = responseNonce();
  // Compressed once per entry, not per response (a 100 kB page costs more to gzip than to serve).
  const gzip = process.env.APP_SERVER_PRECOMPRESSED === "1" && /\bgzip\b/.test(request.headers.get("accept-encoding") ?? "");
  const body = gzip ? gzipSpliced(entry, nonce) : plainSpliced(entry, nonce);
  const headers: Record<string, string> = { ...PAGE_HEADERS, "content-security-policy": policy, "content-length": String(body.length) };
  // Next drops a route handler's Content-Encoding; the server around it (scripts/lib/app-server.ts)
  // sets it from this header, and no-transform keeps Next from compressing the body again.
  if (gzip) Object.assign(headers, { "x-app-content-encoding": "gzip", "cache-control": `${PAGE_HEADERS["cache-control"]}, no-transform` });
  return new Response(new Uint8Array(body), { status: 200, headers });
}

/** For tests: forget every cached page. */
export function clearLessonDocuments(): void {
  entries.clear();
}
