import type { IncomingMessage, ServerResponse } from "node:http";
import { lessonDocumentSlug } from "./document-route";
import { acceptsGzip, cachedPage, lessonPageKey, pageCache, pageResponse } from "./page-cache";
import { SECURITY_HEADERS } from "./security-headers.js";
import { decodeSessionToken, sessionClaims } from "./session-token";
import { resolveAuthSecret } from "./secret";
import { sessionCookieName } from "./server/auth/secure-cookies";
import { LOCALE_COOKIE, resolveLocale } from "../i18n/config";
import { isRole } from "./schemas/roles";

/**
 * A lesson page opened as a document, answered by the node:http server around Next straight from
 * the page cache when its entry is there (docs/decisions/0049). The page is the same for every
 * reader of a content version and interface language (decisions/0042), so a hit needs no React,
 * no Next request handling, and one database read: the lesson's version and owner and, when the
 * request carries a session token, its user (lib/server/lesson-document.ts's readLessonForReader,
 * registered on the shared cache by the app's bundle).
 *
 * The same rules as the route it short-cuts (app/api/lesson-document/[slug]):
 * - the session: the token decrypted (once per process), not expired, its user existing at the
 *   token's session version; otherwise the reader is signed out (lib/server/auth/session.ts);
 * - the key: slug, the lesson's content hash read now, the interface language picked as
 *   i18n/request-locale.ts picks it (user setting, cookie, Accept-Language);
 * - the response: a fresh nonce and its policy, the security headers of next.config.js, gzip when
 *   accepted (compressed once per entry).
 * Anything else is passed on (returns false) and Next's route answers it exactly as before: a
 * missing entry (the route renders and keeps it), a missing or retired lesson, an instructor's
 * lesson, a signed-out reader when PUBLIC_LESSONS is off (the redirect to sign in), a user with an
 * unknown role, a database error, or the app's bundle not loaded yet.
 */
export async function serveCachedLessonPage(req: IncomingMessage, res: ServerResponse, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const slug = lessonDocumentSlug(req.method, req.url, req.headers);
  const readLesson = pageCache().readLesson;
  if (slug === null || !readLesson) return false;
  try {
    const cookies = parseCookies(req.headers.cookie);
    const raw = cookies.get(sessionCookieName(env));
    const secret = raw ? resolveAuthSecret(env) : undefined;
    const claims = raw && secret ? sessionClaims(await decodeSessionToken(raw, secret)) : null;
    const lesson = await readLesson(slug, claims?.id ?? null);
    if (!lesson || lesson.ownerId !== null) return false;
    const user = claims && lesson.user && lesson.user.sessionVersion === claims.sessionVersion ? lesson.user : null;
    if (user && !isRole(user.role)) return false;
    if (!user && env.PUBLIC_LESSONS?.trim().toLowerCase() === "off") return false;
    const locale = resolveLocale({ userLocale: user?.locale, cookie: cookies.get(LOCALE_COOKIE), acceptLanguage: header(req.headers["accept-language"]) });
    const page = cachedPage(lessonPageKey(slug, lesson.contentHash, locale));
    if (!page) return false;
    const gzip = acceptsGzip(header(req.headers["accept-encoding"]));
    const { body, headers } = pageResponse(page, { gzip, dev: env.NODE_ENV === "development" });
    for (const { key, value } of SECURITY_HEADERS) res.setHeader(key, value);
    for (const [key, value] of Object.entries(headers)) res.setHeader(key, value);
    // As the route answered (the same cache-control with no-transform when compressed), and as Next
    // marks every App Router response: it varies on the router's headers too.
    res.setHeader("vary", [NEXT_VARY, headers.vary!]);
    if (gzip) {
      res.setHeader("content-encoding", "gzip");
      res.setHeader("cache-control", `${headers["cache-control"]}, no-transform`);
    }
    res.writeHead(200);
    res.end(body);
    return true;
  } catch {
    // Whatever failed here, the route answers as before (and logs what it meets).
    return false;
  }
}

const NEXT_VARY = "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch";

function header(value: string | string[] | undefined): string | null {
  return Array.isArray(value) ? value.join(", ") : (value ?? null);
}

/** A Cookie header as Next's cookies() reads it: pairs split on ";", values URI-decoded, the last of a name wins. */
export function parseCookies(cookie: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of (cookie ?? "").split(/; */)) {
    if (!pair) continue;
    const at = pair.indexOf("=");
    if (at === -1) {
      map.set(pair, "true");
      continue;
    }
    try {
      map.set(pair.slice(0, at), decodeURIComponent(pair.slice(at + 1)));
    } catch {
      // Not decodable: Next skips it too.
    }
  }
  return map;
}
