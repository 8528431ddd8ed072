"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/server/auth/session";
import { endSessions } from "@/lib/server/data/users";

// The cookies next-auth 4 sets for a JWT session (plain and, over HTTPS, __Secure- prefixed).
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token", "next-auth.callback-url", "__Secure-next-auth.callback-url"];

/**
 * Signs out: first ends the session for good (bumps the user's sessionVersion, so a copy of the
 * token stops working too, on every device), then drops the cookies. A server action rather than
 * next-auth/react's signOut() keeps that client library off every page.
 */
export async function signOutAction() {
  const user = await getCurrentUser();
  if (user) await endSessions(user.id);
  const jar = await cookies();
  // A browser ignores a __Secure- cookie set (even to expire it) without the Secure flag.
  for (const name of SESSION_COOKIES) if (jar.has(name)) jar.delete({ name, path: "/", secure: name.startsWith("__Secure-") });
  redirect("/");
}
