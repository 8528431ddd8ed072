/**
 * Which requests are a page served from the page cache, opened as a document: a lesson page
 * (app/api/lesson-document/[slug], per content version, docs/decisions/0042) and the review page
 * (app/api/review-document, its filter in the query, 0045). The node:http server around Next
 * (scripts/lib/app-server.ts) sends them straight to those routes, without Next's proxy: the routes
 * make their own nonce and check who is asking themselves (docs/decisions/0046).
 *
 * Not rewritten, so they reach the page as before: other methods, a query string, client
 * navigations and prefetches (RSC), server actions, the cache's own renders (PASS_HEADER), a
 * trailing slash (Next redirects it) and a path that does not decode (the proxy shows not-found).
 */
const LESSON_PAGE = /^\/lessons\/([^/?#]+)$/;
const REVIEW_PAGE = /^\/review(\?.*)?$/;

/** Header names as node:http gives them (lower case). */
const NOT_A_DOCUMENT = ["rsc", "next-router-prefetch", "next-action", "x-lesson-render"];

function isDocumentRequest(method: string | undefined, headers: Record<string, unknown>): boolean {
  return (method === "GET" || method === "HEAD") && !NOT_A_DOCUMENT.some((name) => headers[name] !== undefined);
}

export function documentRoute(method: string | undefined, url: string | undefined, headers: Record<string, unknown>): string | null {
  if (!isDocumentRequest(method, headers)) return null;
  const review = REVIEW_PAGE.exec(url ?? "");
  if (review) return `/api/review-document${review[1] ?? ""}`;
  const slug = LESSON_PAGE.exec(url ?? "")?.[1];
  if (!slug) return null;
  try {
    decodeURIComponent(slug);
  } catch {
    return null;
  }
  return `/api/lesson-document/${slug}`;
}

/**
 * The slug (decoded) of a lesson page opened as a document, under the same rule as documentRoute:
 * the requests the server around Next may answer from the page cache itself (lib/lesson-fast-path.ts).
 */
export function lessonDocumentSlug(method: string | undefined, url: string | undefined, headers: Record<string, unknown>): string | null {
  if (!isDocumentRequest(method, headers)) return null;
  const slug = LESSON_PAGE.exec(url ?? "")?.[1];
  if (!slug) return null;
  try {
    return decodeURIComponent(slug);
  } catch {
    return null;
  }
}
