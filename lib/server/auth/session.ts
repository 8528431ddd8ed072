import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { cookies, headers } from "next/headers";
import { authSecret } from "@/lib/server/env";
import { decodeSessionToken, sessionClaims } from "@/lib/session-token";
import { sessionCookieName } from "@/lib/server/auth/secure-cookies";
import { findSessionUser, type SessionUser } from "@/lib/server/data/users";
import type { Role } from "@/lib/schemas/roles";
import { AppError } from "@/lib/server/errors";

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
  // Decrypted once per token and process (lib/session-token.ts); expiry checked on every request.
  return sessionClaims(await decodeSessionToken(raw, secret));
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
