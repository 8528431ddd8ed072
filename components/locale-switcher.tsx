import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/app/locale-action";
import { HTML_LANG, LOCALES, LOCALE_NAMES } from "@/i18n/config";

/**
 * The header's language switcher: one button per other language, named in that language (and
 * marked with its `lang`), in a plain form so it works with the keyboard and without JavaScript.
 */
export async function LocaleSwitcher() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("common.locale")]);
  return (
    <div role="group" aria-label={t("label")} className="flex items-center gap-1">
      {LOCALES.filter((l) => l !== locale).map((other) => (
        <form key={other} action={setLocaleAction}>
          <input type="hidden" name="locale" value={other} />
          <button
            type="submit"
            lang={HTML_LANG[other]}
            data-testid="locale-switch"
            // A fixed height: the CJK fallback font has taller line boxes, which would grow the header.
            className="flex h-8 items-center rounded border border-slate-300 px-2 leading-none text-slate-700 hover:bg-slate-100"
          >
            {LOCALE_NAMES[other]}
          </button>
        </form>
      ))}
    </div>
  );
}
