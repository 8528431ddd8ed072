/**
 * Whether a POST's Origin header names this site (the Host it was sent to). Browsers send Origin on
 * every POST, so a cross-site form or fetch is refused. A request without the header comes from a
 * non-browser client, which cannot borrow a visitor's cookies, and is let through. `Origin: null`
 * (sandboxed frames, file: pages, cross-site redirects) and anything that is not an http(s) URL are
 * refused rather than parsed blindly (issue 11, finding 8: they were 500s).
 */
export function isSameOrigin(origin: string | null, host: string | null): boolean {
  if (origin === null) return true;
  if (!host) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  return url.host === host.toLowerCase();
}
