import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { signInSchema } from "@/lib/schemas/account";
import { currentSessionVersion, findSessionUser, verifyCredentials } from "@/lib/server/data/users";
import { recordFailure, recordSuccess, retryAfterMs } from "@/lib/server/auth/rate-limit";
import { authSecret } from "@/lib/server/env";
import { sameOriginRedirect } from "@/lib/safe-callback-url";

/** The message the sign-in form shows when the email or the password is wrong (never says which). */
export const BAD_CREDENTIALS = "The email or password is not right.";

function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  return first || "local";
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) throw new Error(BAD_CREDENTIALS);
        const keys = [`email:${parsed.data.email}`, `ip:${clientAddress(req?.headers)}`];
        const wait = retryAfterMs(keys);
        if (wait > 0) {
          throw new Error(`Too many failed sign-ins. Try again in ${Math.ceil(wait / 1000)} seconds.`);
        }
        const user = await verifyCredentials(parsed.data.email, parsed.data.password);
        if (!user) {
          recordFailure(keys);
          throw new Error(BAD_CREDENTIALS);
        }
        recordSuccess([keys[0]]);
        return user;
      },
    }),
  ],
  callbacks: {
    // next-auth's own callbackUrl handling: only this site, resolved as a browser would.
    redirect({ url, baseUrl }) {
      return sameOriginRedirect(url, baseUrl);
    },
    async jwt({ token, user }) {
      if (user) {
        token.id = user.id;
        token.role = user.role;
        token.sessionVersion = await currentSessionVersion(user.id);
        return token;
      }
      // Only /api/auth/session gets here (pages read the cookie in getCurrentUser): an ended
      // session gets no answer, and next-auth clears its cookie.
      if (!(await findSessionUser(token.id, token.sessionVersion ?? 0))) throw new Error("This session has ended.");
      return token;
    },
    session({ session, token }) {
      if (session.user) {
        session.user.id = token.id;
        session.user.role = token.role;
      }
      return session;
    },
  },
};
