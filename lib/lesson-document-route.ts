/**
 * Which requests are a lesson page opened as a document, served from the per-version page cache
 * (app/api/lesson-document/[slug], docs/decisions/0042). The node:http server around Next
 * (scripts/lib/app-server.ts) sends them straight to that route, without Next's proxy: the route
 * makes its own nonce and checks who is asking itself (docs/decisions/0046).
 *
 * Not rewritten, so they reach the page as before: other methods, a query string, client
 * navigations and prefetches (RSC), server actions, the cache's own renders (PASS_HEADER), a
 * trailing slash (Next redirects it) and a path that does not decode (the proxy shows not-found).
 */
const LESSON_PAGE = /^\/lessons\/([^/?#]+)$/;

/** Header names as node:http gives them (lower case). */
const NOT_A_DOCUMENT = ["rsc", "next-router-prefetch", "next-action", "x-lesson-render"];

export function lessonDocumentRoute(method: string | undefined, url: string | undefined, headers: Record<string, unknown>): string | null {
  if (method !== "GET" && method !== "HEAD") return null;
  const slug = LESSON_PAGE.exec(url ?? "")?.[1];
  if (!slug || NOT_A_DOCUMENT.some((name) => headers[name] !== undefined)) return null;
  try {
    decodeURIComponent(slug);
  } catch {
    return null;
  }
  return `/api/lesson-document/${slug}`;
}
