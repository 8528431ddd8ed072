import { jsonPost } from "@/lib/server/json-post";
import { submitResponse } from "@/lib/server/data/attempts";
import { submitAnswerSchema } from "@/lib/schemas/answer";
import type { Feedback } from "@/lib/quiz/question";

/** Grades one quiz answer. The answer key leaves the server only in this reply. */
export async function POST(request: Request) {
  return jsonPost(request, submitAnswerSchema, async (user, input) => ({ feedback: await submitResponse(user, input) }));
}

export type QuizAnswerReply = { feedback: Feedback };
