import "server-only";
import { cookies } from "next/headers";
import { getCurrentUser } from "@/lib/server/auth/session";
import { LOCALE_COOKIE, resolveLocale } from "@/i18n/config";
import { cachedShell, renderThrough, shellResponse } from "@/lib/server/lesson-document";

/**
 * The review page as a document (docs/decisions/0045): the same for every learner in one interface
 * language, since the learner's part (the card, counts, filters) comes from /api/review/session. So
 * it is rendered once per process and locale by the lesson page cache's machinery (0042) and served
 * with each response's own nonce. Signed out, the visitor is sent to sign in, as before.
 */
export async function serveReviewDocument(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  const url = new URL(request.url);
  if (!user) {
    const back = `/review${url.search}`;
    return new Response(null, { status: 307, headers: { location: `/signin?callbackUrl=${encodeURIComponent(back)}`, "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" } });
  }
  // As i18n/request-locale.ts picks it: the user's setting, the cookie, Accept-Language.
  const locale = resolveLocale({ userLocale: user.locale, cookie: (await cookies()).get(LOCALE_COOKIE)?.value, acceptLanguage: request.headers.get("accept-language") });
  const entry = await cachedShell(`/review\n${locale}`, "/review", locale);
  return entry ? shellResponse(request, entry) : renderThrough(request, `/review${url.search}`);
}
