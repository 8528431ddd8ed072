import { contentSecurityPolicy, createNonce } from "./content-security-policy";
import { gzipSpliced, plainSpliced, type SplicedText } from "./gzip-splice";

/**
 * The process's page cache (docs/decisions/0042, 0049): the lesson and review pages rendered for
 * nobody, each split where its render's nonce was. It lives on globalThis because two copies of
 * the code use it: the app's route bundles (lib/server/lesson-document.ts, which render and fill
 * it) and the node:http server around Next (lib/lesson-fast-path.ts, which answers a cached lesson
 * page before Next). A key names everything a page depends on; a lesson's includes its content
 * hash, read from the database on every request, so a sync anywhere changes the keys of exactly
 * the lessons it changed, and an old entry is never asked for again (decisions/0029).
 */
export type CachedPage = SplicedText;

/** One read per lesson request: the lesson (shared library or not) and, when a token named one, its user. */
export interface LessonForReader {
  contentHash: string;
  ownerId: string | null;
  /** Null when no user id was given or no such user exists. */
  user: { role: string; locale: string | null; sessionVersion: number } | null;
}

/** Reads a lesson that is not retired, and the user `userId` if any; null when there is no such lesson. */
export type ReadLessonForReader = (slug: string, userId: string | null) => Promise<LessonForReader | null>;

interface Shared {
  entries: Map<string, CachedPage>;
  pending: Map<string, Promise<CachedPage | null>>;
  /** Set by the app's bundle (it holds the database client); until then the server passes every request to Next. */
  readLesson?: ReadLessonForReader;
}

/** Bounded; least recently used out first. */
export const MAX_PAGES = 500;

const holder = globalThis as unknown as { quizPageCache?: Shared };

export function pageCache(): Shared {
  holder.quizPageCache ??= { entries: new Map(), pending: new Map() };
  return holder.quizPageCache;
}

/** The entry under `key`, now the most recently used; undefined when absent. */
export function cachedPage(key: string): CachedPage | undefined {
  const { entries } = pageCache();
  const hit = entries.get(key);
  if (hit) {
    entries.delete(key);
    entries.set(key, hit);
  }
  return hit;
}

export function keepPage(key: string, page: CachedPage): void {
  const { entries } = pageCache();
  entries.delete(key);
  if (entries.size >= MAX_PAGES) entries.delete(entries.keys().next().value!);
  entries.set(key, page);
}

/** A shared-library lesson's page: per slug, content version and interface language. */
export function lessonPageKey(slug: string, contentHash: string, locale: string): string {
  return `${slug}\n${contentHash}\n${locale}`;
}

export function clearPages(): void {
  pageCache().entries.clear();
}

/** A cached page's response headers, wherever it is answered from. */
export const PAGE_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate",
  vary: "Cookie, Accept-Language, Accept-Encoding",
};

/**
 * A cached page as one response: a fresh nonce (128 random bits, never taken from the request) put
 * where the render's was, the nonce policy that names it, gzipped when `gzip` (compressed once per
 * entry, not per response: lib/gzip-splice.ts). The headers are PAGE_HEADERS, the policy and the
 * length; the caller names the encoding as its server needs.
 */
export function pageResponse(page: CachedPage, options: { gzip: boolean; dev: boolean }): { body: Buffer; nonce: string; headers: Record<string, string> } {
  const nonce = createNonce();
  const body = options.gzip ? gzipSpliced(page, nonce) : plainSpliced(page, nonce);
  const headers: Record<string, string> = { ...PAGE_HEADERS, "content-security-policy": contentSecurityPolicy(nonce, { dev: options.dev }), "content-length": String(body.length) };
  return { body, nonce, headers };
}

/** Whether an Accept-Encoding header takes gzip (as the page cache has always read it). */
export function acceptsGzip(acceptEncoding: string | null | undefined): boolean {
  return /\bgzip\b/.test(acceptEncoding ?? "");
}
