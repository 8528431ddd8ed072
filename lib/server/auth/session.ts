import "server-only";
import { cache } from "react";
import { decode } from "next-auth/jwt";
import { forbidden, redirect } from "next/navigation";
import { cookies, headers } from "next/headers";
import { authSecret } from "@/lib/server/env";
import { sessionCookieName } from "@/lib/server/auth/secure-cookies";
import { findSessionUser, type SessionUser } from "@/lib/server/data/users";
import type { Role } from "@/lib/schemas/roles";
import { AppError } from "@/lib/server/errors";

type Token = Awaited<ReturnType<typeof decode>>;
const decoded = new Map<string, { secret: string; token: NonNullable<Token> }>();
const DECODED_MAX = 10_000;

/**
 * A session token decrypted once per process, not on every request: the same cookie always
 * decrypts to the same claims, so the claims are kept by the token itself (bounded, oldest out).
 * Only tokens that decrypted are kept; expiry and the session version are still checked on every
 * request by the caller, so a cached token ends exactly when it would have.
 */
async function decodeOnce(raw: string, secret: string): Promise<Token> {
  const hit = decoded.get(raw);
  if (hit && hit.secret === secret) return hit.token;
  const token = await decode({ token: raw, secret }).catch(() => null);
  if (token) {
    if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
    decoded.set(raw, { secret, token });
  }
  return token;
}

/** What a session cookie claims: whose it is and the session version its sign-in saw (not yet checked against the user's row). */
export interface SessionClaims {
  id: string;
  sessionVersion: number;
}

/**
 * The claims of the request's session cookie if it decrypts and has not expired, else null. Only
 * half the check: the caller must still match them against the user's row (findSessionUser, or a
 * statement that reads that row with other things, decisions/0050).
 */
export const getSessionClaims = cache(async (): Promise<SessionClaims | null> => {
  // Reading the token directly: getServerSession() would also re-encrypt and re-set the cookie on
  // every request, which costs more than the whole answer it guards (see bench:http).
  const jar = await cookies();
  const raw = jar.get(sessionCookieName())?.value;
  const secret = authSecret();
  if (!raw || !secret) return null;
  const token = await decodeOnce(raw, secret);
  if (!token?.id || (typeof token.exp === "number" && token.exp * 1000 < Date.now())) return null;
  return { id: token.id, sessionVersion: token.sessionVersion ?? 0 };
});

/**
 * The signed-in user, read fresh from the database once per request, so a deleted or demoted
 * account loses access at once rather than when its token expires, and so does a token whose
 * session was ended (sign-out, password change) even if someone kept a copy.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const claims = await getSessionClaims();
  return claims ? findSessionUser(claims.id, claims.sessionVersion) : null;
});

/** For pages: sends a signed-out visitor to sign in and back to the page afterwards. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) {
    const path = (await headers()).get("x-pathname") ?? "/";
    redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  }
  return user;
}

/** For pages: as requireUser, then a 403 page for a signed-in user without one of the roles. */
export async function requireRole(...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) forbidden();
  return user;
}

/**
 * For server actions and route handlers, which anyone can POST to directly: the signed-in user, or
 * an AppError UNAUTHENTICATED that the caller maps to a message or a 401.
 */
export async function requireActionUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again to continue.");
  return user;
}
