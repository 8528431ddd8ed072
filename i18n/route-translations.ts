import "server-only";
import { createTranslator, type Messages, type NamespaceKeys, type NestedKeyOf } from "next-intl";
import { loadMessages } from "@/i18n/messages";
import { requestLocale } from "@/i18n/request-locale";

/**
 * getTranslations for route handlers: the same messages and locale rule (decisions/0025), read
 * from this request's cookies and headers, without next-intl's page-rendering context, so the
 * handler answers the same when a test calls it directly.
 */
export async function routeTranslations<N extends NamespaceKeys<Messages, NestedKeyOf<Messages>>>(namespace: N) {
  const locale = await requestLocale();
  return createTranslator({ locale, messages: loadMessages(locale) as unknown as Messages, namespace });
}
