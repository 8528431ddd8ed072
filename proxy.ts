import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, createNonce } from "@/lib/content-security-policy";
import { malformedPathResponse } from "@/lib/malformed-path";

// Passes the requested path on, so a page that sends a signed-out visitor to sign in can bring
// them back afterwards, and sets a per-request nonce Content-Security-Policy (Next's documented
// way: the policy on the request lets Next put the nonce on its own scripts; `x-nonce` is there
// for any page script of ours). Every page, action and route handler checks who is asking itself.
export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const malformed = malformedPathResponse(request);
  if (malformed) {
    malformed.headers.set("Content-Security-Policy", policy);
    return malformed;
  }
  const headers = new Headers(request.headers);
  // A lesson page opened as a document: served from the per-version cache (docs/decisions/0042),
  // which sets the policy with this nonce itself. Client navigations (RSC requests) and the cache's
  // own renders (PASS_HEADER) go to the page.
  const lesson = lessonDocumentPath(request);
  if (lesson) {
    headers.set("x-nonce", nonce);
    return NextResponse.rewrite(new URL(`/api/lesson-document/${lesson}`, request.url), { request: { headers } });
  }
  // The review page likewise: one page per language, the learner's part from /api/review/session
  // (docs/decisions/0045). The query (filter, status) is read by the page in the browser.
  if (isReviewDocument(request)) {
    headers.set("x-nonce", nonce);
    return NextResponse.rewrite(new URL(`/api/review-document${request.nextUrl.search}`, request.url), { request: { headers } });
  }
  headers.set("x-pathname", request.nextUrl.pathname + request.nextUrl.search);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

const LESSON_PAGE = /^\/lessons\/([^/]+)\/?$/;

function lessonDocumentPath(request: NextRequest): string | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  if (request.nextUrl.search || request.headers.has("rsc") || request.headers.has("next-router-prefetch") || request.headers.has("next-action")) return null;
  if (request.headers.has("x-lesson-render")) return null;
  return LESSON_PAGE.exec(request.nextUrl.pathname)?.[1] ?? null;
}

function isReviewDocument(request: NextRequest): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  if (request.headers.has("rsc") || request.headers.has("next-router-prefetch") || request.headers.has("next-action") || request.headers.has("x-lesson-render")) return false;
  return request.nextUrl.pathname === "/review" || request.nextUrl.pathname === "/review/";
}

// Not for the hot JSON endpoints (an answer, the reader of a cached lesson page): they answer JSON
// only, never a document a policy would govern, and check who is asking themselves; the proxy's
// nonce and header copies were a measurable share of each answer (docs/decisions/0043).
export const config = { matcher: ["/((?!_next/|api/auth|api/quiz/answers|api/review/answers|api/reader|api/review/session|favicon.ico).*)"] };
