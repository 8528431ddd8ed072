import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, resolveLocale } from "@/i18n/config";
import { loadMessages } from "@/i18n/messages";
import { getCurrentUser } from "@/lib/server/auth/session";

const SERVER_TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

// next-intl without i18n routing: URLs carry no locale; each request resolves one (decisions/0025).
export default getRequestConfig(async () => {
  const [user, jar, head] = await Promise.all([getCurrentUser(), cookies(), headers()]);
  const locale = resolveLocale({
    userLocale: user?.locale,
    cookie: jar.get(LOCALE_COOKIE)?.value,
    acceptLanguage: head.get("accept-language"),
  });
  // Dates are shown in the server's zone, as before; a page that knows a better one (a class's)
  // passes it to the formatter itself.
  return { locale, messages: loadMessages(locale), timeZone: SERVER_TIME_ZONE };
});
