import { jsonPost } from "@/lib/server/json-post";
import { now } from "@/lib/server/clock";
import { answerReview, type ReviewAnswerResult } from "@/lib/server/data/review";
import { queueParameterFit } from "@/lib/server/data/review-fit";
import { reviewAnswerSchema } from "@/lib/schemas/review";

/** Grades a review answer and reschedules the card. The key leaves the server only in this reply. */
export async function POST(request: Request) {
  return jsonPost(request, reviewAnswerSchema, async (user, input) => {
    const at = await now();
    const result = await answerReview(user, input, at);
    // Refits the learner's FSRS parameters in the background when due (decisions/0036); never awaited.
    queueParameterFit(user.id, () => at);
    return { result: { ...result, nextDue: result.nextDue.toISOString() } };
  });
}

/** The reply as the browser reads it (JSON has no dates). */
export type ReviewAnswerReply = { result: Omit<ReviewAnswerResult, "nextDue"> & { nextDue: string } };
