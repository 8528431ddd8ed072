import { NextResponse, type NextRequest } from "next/server";

/**
 * A path with malformed percent-encoding ("/lessons/%E0%A4%A"): Next's route matching cannot decode it
 * and answers a bare 500 before any page runs, so the proxy shows the not-found page (404) instead.
 */
export function malformedPathResponse(request: NextRequest): NextResponse | null {
  try {
    decodeURIComponent(request.nextUrl.pathname);
    return null;
  } catch {
    return NextResponse.rewrite(new URL("/_not-found", request.url));
  }
}
