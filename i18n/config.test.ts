import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, resolveLocale } from "@/i18n/config";

describe("localeFromAcceptLanguage", () => {
  it("takes Chinese in any region or script as zh, English as en", () => {
    expect(localeFromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh");
    expect(localeFromAcceptLanguage("zh-Hant-TW")).toBe("zh");
    expect(localeFromAcceptLanguage("en-US,en;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("en-GB;q=0.8, zh;q=0.9")).toBe("zh");
  });

  it("skips languages it does not have and refused ones (q=0)", () => {
    expect(localeFromAcceptLanguage("fr-FR, de;q=0.9, zh;q=0.5")).toBe("zh");
    expect(localeFromAcceptLanguage("zh;q=0, en;q=0.1")).toBe("en");
    expect(localeFromAcceptLanguage("fr, de")).toBeNull();
    expect(localeFromAcceptLanguage("")).toBeNull();
    expect(localeFromAcceptLanguage(null)).toBeNull();
  });
});

describe("resolveLocale", () => {
  it("prefers the user's setting, then the cookie, then the browser, then English", () => {
    expect(resolveLocale({ userLocale: "zh", cookie: "en", acceptLanguage: "en" })).toBe("zh");
    expect(resolveLocale({ userLocale: null, cookie: "zh", acceptLanguage: "en" })).toBe("zh");
    expect(resolveLocale({ userLocale: null, cookie: null, acceptLanguage: "zh-CN" })).toBe("zh");
    expect(resolveLocale({ acceptLanguage: "fr" })).toBe("en");
    expect(resolveLocale({})).toBe("en");
  });

  it("ignores values that are not a locale (an old or forged cookie)", () => {
    expect(resolveLocale({ userLocale: "xx", cookie: "de", acceptLanguage: "zh" })).toBe("zh");
  });
});
