"use server";
import { cookies } from "next/headers";
import { isLocale, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE } from "@/i18n/config";
import { getCurrentUser } from "@/lib/server/auth/session";
import { setUserLocale } from "@/lib/server/data/users";
import { servedOverHttps } from "@/lib/server/auth/secure-cookies";

/**
 * The header's language switcher: remembers the choice in a cookie (signed out too) and, for a
 * signed-in user, as their setting, which then wins on every device (decisions/0025). Setting a
 * cookie in a server action re-renders the current page, now in the chosen language.
 */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  const jar = await cookies();
  jar.set(LOCALE_COOKIE, locale, { path: "/", maxAge: LOCALE_COOKIE_MAX_AGE, sameSite: "lax", secure: servedOverHttps() });
  const user = await getCurrentUser();
  if (user) await setUserLocale(user.id, locale);
}
