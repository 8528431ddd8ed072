import { getSessionClaims } from "@/lib/server/auth/session";
import { AppError } from "@/lib/server/errors";
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
const SESSION_ENDED = "Your session has ended. Sign in again to continue.";

export async function GET(request: Request) {
  // no-transform: Next's compression would gzip this small reply on every request (decisions/0050).
  const headers = { "cache-control": "private, no-store, no-transform", vary: "Cookie" };
  const ended = async () => Response.json({ ok: false, error: await localizeMessage(SESSION_ENDED) }, { status: 401, headers });
  // The claims are checked against the user's row in getReviewPage's first statement (decisions/0050).
  const session = await getSessionClaims();
  if (!session) return ended();
  const params = new URL(request.url).searchParams;
  const filter = reviewFilterSchema.catch({}).parse({ lesson: params.get("lesson") || undefined, sector: params.get("sector") || undefined });
  try {
    const body: ReviewSessionReply = { ok: true, ...(await getReviewPage(session, { lessonSlug: filter.lesson, sectorId: filter.sector }, await now(), { withFilters: params.get("filters") !== "0" })) };
    return Response.json(body, { headers });
  } catch (error) {
    if (error instanceof AppError && error.code === "UNAUTHENTICATED") return ended();
    throw error;
  }
}

/** The reply as the browser reads it. */
export type ReviewSessionReply = { ok: true } & ReviewPageData;
