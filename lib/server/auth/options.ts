import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { signInSchema } from "@/lib/schemas/account";
import { currentSessionVersion, findSessionUser, verifyCredentials } from "@/lib/server/data/users";
import { beginSignIn, signInSucceeded, tooManyAttemptsMessage } from "@/lib/server/auth/sign-in-throttle";
import { clientAddress } from "@/lib/client-address";
import { servedOverHttps } from "@/lib/server/auth/secure-cookies";
import { authSecret } from "@/lib/server/env";
import { sameOriginRedirect } from "@/lib/safe-callback-url";
import { logger } from "@/lib/logger";
import { authLogger } from "@/lib/server/auth/auth-logger";
import { localizeMessageIn } from "@/i18n/localize-message";
import { LOCALE_COOKIE, resolveLocale, type Locale } from "@/i18n/config";

/** The message the sign-in form shows when the email or the password is wrong (never says which). */
export const BAD_CREDENTIALS = "The email or password is not right.";

// authorize gets next-auth's own copy of the request, not Next's request scope: the locale comes
// from its headers (the switcher's cookie, else Accept-Language; no one is signed in yet).
function signInLocale(headers: Record<string, unknown> | undefined): Locale {
  const cookie = String(headers?.cookie ?? "")
    .split(/;\s*/)
    .map((pair) => pair.split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  const acceptLanguage = headers?.["accept-language"];
  return resolveLocale({ cookie, acceptLanguage: typeof acceptLanguage === "string" ? acceptLanguage : null });
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  // Stated rather than left to next-auth's guess, which follows the address it detects.
  useSecureCookies: servedOverHttps(),
  pages: { signIn: "/signin" },
  // An ended session is a one-line warning in the JSON log, not a stack trace (decisions/0021).
  logger: authLogger(logger),
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const localizeMessage = async (message: string) => localizeMessageIn(signInLocale(req?.headers), message);
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) throw new Error(await localizeMessage(BAD_CREDENTIALS));
        const { email, password } = parsed.data;
        // X-Forwarded-For as scripts/serve.ts rewrote it from the connection (lib/client-address.ts).
        const address = clientAddress(req?.headers?.["x-forwarded-for"] as string | string[] | undefined);
        const gate = await beginSignIn(email, address);
        if (!gate.allowed) throw new Error(await localizeMessage(tooManyAttemptsMessage(gate.retryAfterMs)));
        const user = await verifyCredentials(email, password);
        if (!user) throw new Error(await localizeMessage(BAD_CREDENTIALS));
        await signInSucceeded(user.id, email, address, gate.counted);
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
