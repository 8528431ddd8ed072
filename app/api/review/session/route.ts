import { getCurrentUser } from "@/lib/server/auth/session";
import { now } from "@/lib/server/clock";
import { getReviewPage, type ReviewPageData } from "@/lib/server/data/review";
import { reviewFilterSchema } from "@/lib/schemas/review";
import { localizeMessage } from "@/i18n/localize-message";

/**
 * The learner's part of the review page (docs/decisions/0045), which is served the same for every
 * learner: only the asker's own cards, in the filter of `?lesson=&sector=`. The card's question
 * comes without its answer key (that leaves only in the answer's reply, /api/review/answers).
 * `&filters=0` ("Next card"): without the filters' lists, which the page already has (decisions/0048).
 */
export async function GET(request: Request) {
  const headers = { "cache-control": "private, no-store", vary: "Cookie" };
  const user = await getCurrentUser();
  if (!user) return Response.json({ ok: false, error: await localizeMessage("Your session has ended. Sign in again to continue.") }, { status: 401, headers });
  const params = new URL(request.url).searchParams;
  const filter = reviewFilterSchema.catch({}).parse({ lesson: params.get("lesson") || undefined, sector: params.get("sector") || undefined });
  const body: ReviewSessionReply = { ok: true, ...(await getReviewPage(user, { lessonSlug: filter.lesson, sectorId: filter.sector }, await now(), { withFilters: params.get("filters") !== "0" })) };
  return Response.json(body, { headers });
}

/** The reply as the browser reads it. */
export type ReviewSessionReply = { ok: true } & ReviewPageData;
