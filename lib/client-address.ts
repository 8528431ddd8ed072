import { isIPv4, isIPv6 } from "node:net";

/**
 * The address a request came from, as the server inside `npm start` (scripts/serve.ts) wrote it
 * into X-Forwarded-For. That server overwrites whatever the client sent, so here the header holds
 * one entry; should anything have appended to it, the rightmost entry (the nearest hop) is taken,
 * never the leftmost, which any client can write. Grouped as throttling counts it (addressGroup).
 */
export function clientAddress(forwardedFor: string | string[] | null | undefined): string {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const entries = header.split(",").map((e) => e.trim()).filter(Boolean);
  const last = entries.at(-1);
  return last ? addressGroup(last) : "unknown";
}

/**
 * What X-Forwarded-For should say for a request that arrived on a socket from `socketAddress`.
 * With no trusted proxy (hops 0) that is the socket's address and nothing the client sent. Behind
 * N trusted proxies, each of which appends the address it saw, the client is the Nth entry from
 * the right; entries further left were written by the client and are ignored.
 */
export function resolveForwardedFor(header: string | string[] | undefined, socketAddress: string | undefined, trustedProxyHops: number): string {
  const socket = socketAddress ?? "unknown";
  if (trustedProxyHops <= 0) return socket;
  const joined = Array.isArray(header) ? header.join(",") : (header ?? "");
  const chain = [...joined.split(",").map((e) => e.trim()).filter(Boolean), socket];
  return chain[Math.max(0, chain.length - 1 - trustedProxyHops)]!;
}

/** TRUSTED_PROXY_HOPS: how many proxies in front of the app append to X-Forwarded-For (default 0). */
export function trustedProxyHops(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return 0;
  const hops = Number(value);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) throw new Error(`TRUSTED_PROXY_HOPS must be a whole number from 0 to 10, not "${value}".`);
  return hops;
}

/**
 * The unit an address is counted by: an IPv4 address as it is (also when written as IPv4-mapped
 * IPv6), an IPv6 address by its /64 network, because one subscriber usually holds a whole /64 and
 * could otherwise take a fresh address for every attempt.
 */
export function addressGroup(raw: string): string {
  let address = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address); // "[2001:db8::1]:443"
  if (bracketed) address = bracketed[1]!;
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(address)) address = address.replace(/:\d+$/, ""); // "1.2.3.4:5678"
  address = address.replace(/%.*$/, ""); // zone index
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) address = mapped[1]!;
  if (isIPv4(address)) return address;
  if (isIPv6(address)) return `${expandIPv6(address).slice(0, 4).join(":")}::/64`;
  return "unknown";
}

/** The eight 16-bit groups of a valid IPv6 address, lower-case, without leading zeros. */
function expandIPv6(address: string): string[] {
  let text = address.toLowerCase();
  const ipv4Tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (ipv4Tail) {
    const [a, b, c, d] = ipv4Tail.slice(1).map(Number) as [number, number, number, number];
    text = text.slice(0, ipv4Tail.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill("0");
  return [...left, ...zeros, ...right].map((group) => parseInt(group, 16).toString(16));
}
