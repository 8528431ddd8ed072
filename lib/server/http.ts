import "server-only";
import { notFound } from "next/navigation";
import { AppError, HTTP_STATUS } from "@/lib/server/errors";

/** In pages: an AppError NOT_FOUND (including "not yours") becomes the 404 page. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
}

/** In route handlers: an AppError becomes its HTTP status with a JSON message. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) return Response.json({ error: error.message }, { status: HTTP_STATUS[error.code] });
  throw error;
}

/**
 * A dynamic route segment as text. Next hands some segments over still percent-encoded; a malformed
 * sequence ("%E0%A4%A") is no page of ours, so it is the 404 page rather than a URIError's 500.
 */
export function decodeParamOrNotFound(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    notFound();
  }
}
