import { serveLessonDocument } from "@/lib/server/lesson-document";

// GET /lessons/[slug] as a document comes here (lib/document-route.ts): the page cached per content version and
// language, or rendered per request for an instructor's lesson (docs/decisions/0042).
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  let decoded: string;
  try {
    decoded = decodeURIComponent(slug);
  } catch {
    decoded = slug;
  }
  return serveLessonDocument(request, decoded);
}
