// Any fixed origin works as the base: only whether the value stays on it matters, and only the
// path part is returned, so the real origin (which the page does not know) is never needed.
const BASE = "http://same-origin.invalid";

/**
 * Where to go after signing in: the value resolved the way a browser resolves it (`new URL`, which
 * also drops tabs and line breaks, so `/\t/evil.test` becomes `//evil.test`), kept only when it
 * stays on this site, and returned as a clean path. Anything else gives the fallback.
 */
export function safeCallbackUrl(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value === "") return fallback;
  let resolved: URL;
  try {
    resolved = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (resolved.origin !== BASE) return fallback;
  return resolved.pathname + resolved.search + resolved.hash;
}

/** next-auth's `redirect` callback: an absolute URL on this site, else the site's root. */
export function sameOriginRedirect(url: string, baseUrl: string): string {
  try {
    const resolved = new URL(url, baseUrl);
    return resolved.origin === new URL(baseUrl).origin ? resolved.href : baseUrl;
  } catch {
    return baseUrl;
  }
}
