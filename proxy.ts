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
  headers.set("x-pathname", request.nextUrl.pathname + request.nextUrl.search);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

// Not for the hot JSON endpoints (an answer, the reader of a cached lesson page, the review
// session): they answer JSON only, never a document a policy would govern, and check who is asking
// themselves; the proxy's nonce and header copies were a measurable share of each answer
// (docs/decisions/0043). Nor for the cached lesson and review pages (api/lesson-document,
// api/review-document, where the server around Next sends such a page opened as a document): they
// make their own nonce and policy per response (docs/decisions/0046).
export const config = { matcher: ["/((?!_next/|api/auth|api/quiz/answers|api/review/answers|api/reader|api/review/session|api/lesson-document|api/review-document|favicon.ico).*)"] };
