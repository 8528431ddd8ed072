import { NextResponse, type NextRequest } from "next/server";
import { malformedPathResponse } from "@/lib/malformed-path";

// Only passes the requested path on, so a page that sends a signed-out visitor to sign in can bring
// them back afterwards. Every page, action and route handler checks who is asking itself.
export function proxy(request: NextRequest) {
  const malformed = malformedPathResponse(request);
  if (malformed) return malformed;
  const headers = new Headers(request.headers);
  headers.set("x-pathname", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/((?!_next/|api/auth|favicon.ico).*)"] };
