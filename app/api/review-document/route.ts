import { serveReviewDocument } from "@/lib/server/review-document";

// GET /review as a document comes here (lib/document-route.ts): the page cached per language (docs/decisions/0045).
export async function GET(request: Request) {
  return serveReviewDocument(request);
}
