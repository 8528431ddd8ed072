"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";

// The cookies next-auth 4 sets for a JWT session (plain and, over HTTPS, __Secure- prefixed).
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token", "next-auth.callback-url", "__Secure-next-auth.callback-url"];

/**
 * Signs out by dropping the session cookie, as next-auth's own sign-out does for JWT sessions. A
 * server action rather than next-auth/react's signOut() keeps that client library off every page.
 */
export async function signOutAction() {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) if (jar.has(name)) jar.delete(name);
  redirect("/");
}
