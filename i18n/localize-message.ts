import "server-only";
import { createTranslator } from "next-intl";
import type { Locale } from "@/i18n/config";
import type { MessageRef } from "@/lib/server/errors";
import { loadMessages, type MessageTree } from "@/i18n/messages";
import { requestLocale } from "@/i18n/request-locale";

// Messages the data layer and the schemas produce in English (AppError, zod, the throttles) are
// translated at the edge that shows them (server actions, JSON routes, sign-in), where the reader's
// locale is known: the English text is looked up in messages/en/errors.json and the same key of the
// reader's locale is shown. A message not listed there is shown as it is (decisions/0025).
// An error that names its message by key (AppError.translation: the upload refusals, with a file
// name or sizes in them) is worded from that key instead (decisions/0038).

/** Messages with a number in them, matched by pattern: [pattern, key, name of the number]. */
const PATTERNS: [RegExp, string, string][] = [
  [/^Too many sign-in attempts\. Try again in (\d+) minutes?\.$/, "tooManySignIns", "minutes"],
  [/^Too many new accounts from your network\. Try again in (\d+) minutes?\.$/, "tooManySignUps", "minutes"],
];

function errorsOf(locale: Locale): Record<string, string> {
  return (loadMessages(locale).errors ?? {}) as Record<string, string>;
}

/** A message named by key, in this locale (its numbers formatted the locale's way). */
export function translateMessageIn(locale: Locale, { key, values }: MessageRef): string {
  const t = createTranslator({ locale, messages: loadMessages(locale) as never });
  return t(key as never, values as never);
}

export function localizeMessageIn(locale: Locale, message: string, translation?: MessageRef): string {
  if (translation) return translateMessageIn(locale, translation);
  if (locale === "en") return message;
  const english = errorsOf("en");
  const t = createTranslator({ locale, messages: { errors: loadMessages(locale).errors as MessageTree }, namespace: "errors" });
  const key = Object.keys(english).find((k) => english[k] === message);
  if (key && typeof errorsOf(locale)[key] === "string") return t(key as never);
  for (const [pattern, patternKey, name] of PATTERNS) {
    const match = message.match(pattern);
    if (match) return t(patternKey as never, { [name]: Number(match[1]) } as never);
  }
  return message;
}

/** The message in this request's locale. */
export async function localizeMessage(message: string, translation?: MessageRef): Promise<string> {
  return localizeMessageIn(await requestLocale(), message, translation);
}
