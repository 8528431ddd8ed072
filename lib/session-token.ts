import { decode } from "next-auth/jwt";

/**
 * Session tokens decrypted once per process, not on every request (docs/decisions/0027): the same
 * cookie always decrypts to the same claims, so the claims are kept by the token itself (bounded,
 * oldest out). Only tokens that decrypted are kept; expiry and the session version are still
 * checked on every request, so a cached token ends exactly when it would have. On globalThis, so
 * the app's bundles (lib/server/auth/session.ts) and the server around Next (lib/lesson-fast-path.ts)
 * share one map.
 */
export type SessionToken = NonNullable<Awaited<ReturnType<typeof decode>>>;

const DECODED_MAX = 10_000;
const holder = globalThis as unknown as { quizDecodedTokens?: Map<string, { secret: string; token: SessionToken }> };

export async function decodeSessionToken(raw: string, secret: string): Promise<SessionToken | null> {
  const decoded = (holder.quizDecodedTokens ??= new Map());
  const hit = decoded.get(raw);
  if (hit && hit.secret === secret) return hit.token;
  const token = await decode({ token: raw, secret }).catch(() => null);
  if (token) {
    if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
    decoded.set(raw, { secret, token });
  }
  return token;
}

/** Whose session a decrypted token is, unless it has expired: the user id and the session version it was issued at. */
export function sessionClaims(token: SessionToken | null, now = Date.now()): { id: string; sessionVersion: number } | null {
  if (!token?.id || (typeof token.exp === "number" && token.exp * 1000 < now)) return null;
  return { id: token.id, sessionVersion: token.sessionVersion ?? 0 };
}
