import { describe, expect, it } from "vitest";
import { addressGroup, clientAddress, resolveForwardedFor, trustedProxyHops } from "./client-address";

describe("resolveForwardedFor (what scripts/serve.ts writes)", () => {
  it("with no trusted proxy, takes the socket's address and ignores what the client sent", () => {
    expect(resolveForwardedFor("6.6.6.6", "203.0.113.9", 0)).toBe("203.0.113.9");
    expect(resolveForwardedFor(["6.6.6.6", "7.7.7.7"], "203.0.113.9", 0)).toBe("203.0.113.9");
    expect(resolveForwardedFor(undefined, "::1", 0)).toBe("::1");
  });
  it("behind N trusted proxies, takes the Nth entry from the right", () => {
    // client → proxy A (appends client) → proxy B (appends A) → app (socket: B)
    expect(resolveForwardedFor("6.6.6.6, 198.51.100.7, 10.0.0.2", "10.0.0.3", 2)).toBe("198.51.100.7");
    expect(resolveForwardedFor("6.6.6.6, 198.51.100.7", "10.0.0.2", 1)).toBe("198.51.100.7");
  });
  it("with fewer entries than hops, falls back to the leftmost known hop rather than failing", () => {
    expect(resolveForwardedFor(undefined, "10.0.0.2", 1)).toBe("10.0.0.2");
  });
});

describe("trustedProxyHops", () => {
  it("defaults to 0 and refuses nonsense", () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops("2")).toBe(2);
    expect(() => trustedProxyHops("yes")).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => trustedProxyHops("-1")).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});

describe("clientAddress", () => {
  it("takes the rightmost entry, never the client-writable leftmost", () => {
    expect(clientAddress("6.6.6.6, 203.0.113.9")).toBe("203.0.113.9");
    expect(clientAddress("203.0.113.9")).toBe("203.0.113.9");
  });
  it("says unknown when there is nothing usable", () => {
    expect(clientAddress(undefined)).toBe("unknown");
    expect(clientAddress("")).toBe("unknown");
    expect(clientAddress("not-an-address")).toBe("unknown");
  });
});

describe("addressGroup", () => {
  it("keeps IPv4 and unwraps IPv4-mapped IPv6 and ports", () => {
    expect(addressGroup("203.0.113.9")).toBe("203.0.113.9");
    expect(addressGroup("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(addressGroup("203.0.113.9:51234")).toBe("203.0.113.9");
  });
  it("groups IPv6 by /64, however the address is written", () => {
    const group = "2001:db8:1:2::/64";
    expect(addressGroup("2001:db8:1:2::1")).toBe(group);
    expect(addressGroup("2001:0DB8:0001:0002:ffff:ffff:ffff:ffff")).toBe(group);
    expect(addressGroup("[2001:db8:1:2:3:4:5:6]:443")).toBe(group);
    expect(addressGroup("2001:db8:1:3::1")).not.toBe(group);
    expect(addressGroup("::1")).toBe("0:0:0:0::/64");
  });
});
