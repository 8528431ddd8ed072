import "server-only";
import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, resolveLocale, type Locale } from "@/i18n/config";
import { getCurrentUser } from "@/lib/server/auth/session";

/** This request's interface locale (decisions/0025): the user's setting, the cookie, Accept-Language, English. */
export async function requestLocale(): Promise<Locale> {
  const [user, jar, head] = await Promise.all([getCurrentUser(), cookies(), headers()]);
  return resolveLocale({ userLocale: user?.locale, cookie: jar.get(LOCALE_COOKIE)?.value, acceptLanguage: head.get("accept-language") });
}
