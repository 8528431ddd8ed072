import "server-only";
import type { z } from "zod";
import { getCurrentUser, getSessionClaims, type SessionClaims } from "@/lib/server/auth/session";
import { AppError, HTTP_STATUS, type MessageRef } from "@/lib/server/errors";
import type { SessionUser } from "@/lib/server/data/users";
import type { JsonReply } from "@/lib/post-json";
import { isSameOrigin } from "@/lib/server/same-origin";
import { localizeMessage } from "@/i18n/localize-message";

const SESSION_ENDED = "Your session has ended. Sign in again to continue.";
// no-transform: Next's compression would gzip these small replies on every request (decisions/0050).
const reply = <T>(body: JsonReply<T>, status = 200) => Response.json(body, { status, headers: { "cache-control": "no-store, no-transform" } });
/** A refusal, its message in the reader's language (decisions/0025). */
const refuse = async (error: string, status: number, translation?: MessageRef) => reply({ ok: false, error: await localizeMessage(error, translation) }, status);

/**
 * A JSON POST endpoint for the hot paths (answers), lighter than a server action. Checks, in order:
 * the request comes from this site (isSameOrigin: the Origin header, which browsers always send on a
 * POST, must match the host; JSON bodies also need a CORS preflight cross-site), the body fits the schema, and
 * someone is signed in. The handler's AppError becomes its HTTP status and message.
 */
export async function jsonPost<S extends z.ZodType, T>(request: Request, schema: S, handle: (user: SessionUser, input: z.infer<S>) => Promise<T>): Promise<Response> {
  return answer(request, schema, getCurrentUser, handle);
}

/**
 * jsonPost for a handler that checks the session itself, in the statement that reads what it
 * needs (decisions/0050): it gets the cookie's claims (decrypted, not expired) and must throw
 * AppError UNAUTHENTICATED when the user's row does not match them (findSessionUser's rule).
 */
export async function jsonPostWithClaims<S extends z.ZodType, T>(request: Request, schema: S, handle: (session: SessionClaims, input: z.infer<S>) => Promise<T>): Promise<Response> {
  return answer(request, schema, getSessionClaims, handle);
}

async function answer<S extends z.ZodType, W, T>(request: Request, schema: S, who: () => Promise<W | null>, handle: (who: W, input: z.infer<S>) => Promise<T>): Promise<Response> {
  if (!isSameOrigin(request.headers.get("origin"), request.headers.get("host"))) return refuse("Cross-site requests are refused.", 403);
  if (!request.headers.get("content-type")?.startsWith("application/json")) return refuse("Send JSON.", 415);
  const parsed = schema.safeParse(await request.json().catch(() => undefined));
  if (!parsed.success) return refuse(parsed.error.issues[0]?.message ?? "That request could not be read.", 400);
  const user = await who();
  if (!user) return refuse(SESSION_ENDED, 401);
  try {
    return reply<T>({ ok: true, ...(await handle(user, parsed.data)) });
  } catch (error) {
    if (error instanceof AppError) return refuse(error.message, HTTP_STATUS[error.code], error.translation);
    throw error;
  }
}
