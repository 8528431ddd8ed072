import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "@/i18n/messages";
import { requestLocale } from "@/i18n/request-locale";

const SERVER_TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

// next-intl without i18n routing: URLs carry no locale; each request resolves one (decisions/0025).
export default getRequestConfig(async () => {
  const locale = await requestLocale();
  // Dates are shown in the server's zone, as before; a page that knows a better one (a class's)
  // passes it to the formatter itself.
  return { locale, messages: loadMessages(locale), timeZone: SERVER_TIME_ZONE };
});
