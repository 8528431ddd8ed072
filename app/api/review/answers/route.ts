import { jsonPostWithClaims } from "@/lib/server/json-post";
import { now } from "@/lib/server/clock";
import { answerReview, type ReviewAnswerResult } from "@/lib/server/data/review";
import { queueParameterFit } from "@/lib/server/data/review-fit";
import { reviewAnswerSchema } from "@/lib/schemas/review";

/**
 * Grades a review answer and reschedules the card. The key leaves the server only in this reply.
 * The session is checked against the user's row in the statement that reads the card (decisions/0050).
 */
export async function POST(request: Request) {
  return jsonPostWithClaims(request, reviewAnswerSchema, async (session, input) => {
    const at = await now();
    const result = await answerReview(session, input, at);
    // Refits the learner's FSRS parameters in the background when due (decisions/0036); never awaited.
    queueParameterFit(session.id, () => at);
    return { result: { ...result, nextDue: result.nextDue.toISOString() } };
  });
}

/** The reply as the browser reads it (JSON has no dates). */
export type ReviewAnswerReply = { result: Omit<ReviewAnswerResult, "nextDue"> & { nextDue: string } };
