import { jsonPostWithClaims } from "@/lib/server/json-post";
import { submitResponse } from "@/lib/server/data/attempts";
import { submitAnswerSchema } from "@/lib/schemas/answer";
import type { Feedback } from "@/lib/quiz/question";

/**
 * Grades one quiz answer. The answer key leaves the server only in this reply. The session is
 * checked against the user's row in the statement that reads the attempt and question (decisions/0050).
 */
export async function POST(request: Request) {
  return jsonPostWithClaims(request, submitAnswerSchema, async (session, input) => ({ feedback: await submitResponse(session, input) }));
}

export type QuizAnswerReply = { feedback: Feedback };
