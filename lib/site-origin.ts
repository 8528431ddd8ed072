import { trustedProxyHops } from "@/lib/client-address";

interface SiteEnv {
  NEXTAUTH_URL?: string;
  /** Set by `npm start` when it filled NEXTAUTH_URL in with http://localhost:PORT itself. */
  NEXTAUTH_URL_DEFAULTED?: string;
  TRUSTED_PROXY_HOPS?: string;
}

type HeaderReader = { get(name: string): string | null };

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * The scheme and host a link shown to users should start with (the join link a teacher copies).
 * A configured public address (NEXTAUTH_URL) wins. Otherwise the request's own: X-Forwarded-Proto
 * and X-Forwarded-Host only behind trusted proxies (TRUSTED_PROXY_HOPS, as for client addresses),
 * since anyone can send them; else the Host header over http, which is how `npm start` serves.
 */
export function siteOrigin(headers: HeaderReader, env: SiteEnv = process.env): string {
  const configured = env.NEXTAUTH_URL?.trim();
  if (configured && env.NEXTAUTH_URL_DEFAULTED !== "1") {
    try {
      return new URL(configured).origin;
    } catch {
      // not a URL: fall through to the request's host
    }
  }
  const first = (name: string) => headers.get(name)?.split(",")[0]?.trim() || undefined;
  const behindProxy = trustedProxyHops(env.TRUSTED_PROXY_HOPS) > 0;
  const proto = behindProxy ? first("x-forwarded-proto")?.toLowerCase() : undefined;
  const host = [behindProxy ? first("x-forwarded-host") : undefined, first("host")].find((h) => h && HOST.test(h)) ?? "localhost:3000";
  return `${proto === "https" ? "https" : "http"}://${host}`;
}
