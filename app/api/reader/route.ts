import { getCurrentUser } from "@/lib/server/auth/session";
import { getLessonHead } from "@/lib/server/data/lessons";
import { editorFor } from "@/lib/server/data/question-editor";
import { cachedLessonOffer } from "@/lib/server/data/quiz-offers";
import type { Reader } from "@/components/use-reader";

/**
 * Who is reading, for a page served from the shared lesson cache (docs/decisions/0042): the name
 * and role for the header and, with `?lesson=slug`, the quiz offer of that lesson as the reader's
 * instructor edited the bank (null signed out or when the reader may not see the lesson).
 */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  const slug = new URL(request.url).searchParams.get("lesson");
  let offer: Reader["offer"] = null;
  if (user && slug) {
    const lesson = await getLessonHead(user, slug);
    if (lesson) offer = await cachedLessonOffer(lesson.slug, await editorFor(user));
  }
  const body: Reader = { user: user && { name: user.name, role: user.role }, offer };
  return Response.json(body, { headers: { "cache-control": "private, no-store", vary: "Cookie" } });
}
