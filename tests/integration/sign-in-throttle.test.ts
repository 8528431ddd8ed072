import { beforeEach, describe, expect, inject, it, vi } from "vitest";
import { db } from "@/lib/server/db";
import { registerStudent } from "@/lib/server/data/users";
import { resolveForwardedFor } from "@/lib/client-address";

const provider = inject("databaseProvider");

// Counts how many passwords were actually checked (argon2 runs), without changing the answer.
const checks = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/server/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/server/auth/password")>();
  return {
    ...real,
    verifyPassword: async (hash: string, password: string) => {
      checks.count += 1;
      return real.verifyPassword(hash, password);
    },
  };
});

process.env.NEXTAUTH_SECRET = "sign-in-throttle-test-secret-0123456789";
const { authOptions, BAD_CREDENTIALS } = await import("@/lib/server/auth/options");

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<{ id: string } | null>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

/**
 * One sign-in attempt as it reaches next-auth through `npm start`: scripts/serve.ts has replaced
 * X-Forwarded-For with the connection's address (`socket`) before the app sees it.
 */
function attempt(email: string, password: string, socket: string, sentForwardedFor?: string) {
  const headers = { "x-forwarded-for": resolveForwardedFor(sentForwardedFor, socket, 0) };
  return authorize({ email, password }, { headers });
}

async function outcome(promise: Promise<unknown>): Promise<"ok" | "bad" | "throttled"> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    const message = (error as Error).message;
    if (message === BAD_CREDENTIALS) return "bad";
    if (/Too many sign-in attempts/.test(message)) return "throttled";
    throw error;
  }
}

describe(`sign-in throttling on ${provider}`, () => {
  beforeEach(async () => {
    await db().rateLimitCounter.deleteMany();
    await db().user.deleteMany();
    checks.count = 0;
  });

  it("40 parallel wrong attempts check at most 5 passwords; another user's right password at that address still works", async () => {
    await registerStudent({ name: "Victim", email: "victim@example.com", password: "victim-password" });
    await registerStudent({ name: "Other", email: "other@example.com", password: "other-password" });
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => outcome(attempt("victim@example.com", `guess-${i}`, "203.0.113.5"))));
    expect(checks.count).toBe(5);
    expect(results.filter((r) => r === "bad")).toHaveLength(5);
    expect(results.filter((r) => r === "throttled")).toHaveLength(35);
    // The same address is not locked for everyone: a different account signs in.
    expect(await outcome(attempt("other@example.com", "other-password", "203.0.113.5"))).toBe("ok");
    // The victim, from elsewhere, signs in too.
    expect(await outcome(attempt("victim@example.com", "victim-password", "198.51.100.20"))).toBe("ok");
  });

  it("a forged X-Forwarded-For does not give a fresh counter", async () => {
    await registerStudent({ name: "T", email: "t@example.com", password: "the-password" });
    for (let i = 0; i < 5; i++) expect(await outcome(attempt("t@example.com", "wrong", "203.0.113.6", `10.9.8.${i}`))).toBe("bad");
    expect(await outcome(attempt("t@example.com", "wrong", "203.0.113.6", "1.1.1.1"))).toBe("throttled");
    expect(await outcome(attempt("t@example.com", "the-password", "203.0.113.6", "8.8.8.8"))).toBe("throttled");
    expect(checks.count).toBe(5);
  });

  it("a success forgives that account at that address", async () => {
    await registerStudent({ name: "F", email: "f@example.com", password: "the-password" });
    for (let i = 0; i < 4; i++) await outcome(attempt("f@example.com", "wrong", "203.0.113.7"));
    expect(await outcome(attempt("f@example.com", "the-password", "203.0.113.7"))).toBe("ok");
    for (let i = 0; i < 5; i++) expect(await outcome(attempt("f@example.com", "wrong", "203.0.113.7"))).toBe("bad");
    expect(await outcome(attempt("f@example.com", "wrong", "203.0.113.7"))).toBe("throttled");
  });

  it("spraying many accounts from one address stops at 50 attempts", async () => {
    await registerStudent({ name: "S", email: "s@example.com", password: "the-password" });
    for (let i = 0; i < 50; i++) expect(await outcome(attempt(`nobody${i}@example.com`, "guess", "203.0.113.8"))).toBe("bad");
    expect(await outcome(attempt("s@example.com", "the-password", "203.0.113.8"))).toBe("throttled");
    expect(await outcome(attempt("s@example.com", "the-password", "203.0.113.9"))).toBe("ok");
  });

  it("an account attacked from many addresses is slowed, but its user's known address still signs in", async () => {
    await registerStudent({ name: "K", email: "k@example.com", password: "the-password" });
    expect(await outcome(attempt("k@example.com", "the-password", "192.0.2.10"))).toBe("ok"); // the user's usual place
    // 100 failures an hour from a botnet: 4 each from 25 addresses, under every per-address limit.
    for (let bot = 0; bot < 25; bot++) {
      for (let i = 0; i < 4; i++) expect(await outcome(attempt("k@example.com", "guess", `198.18.${bot}.1`))).toBe("bad");
    }
    expect(await outcome(attempt("k@example.com", "the-password", "198.18.200.1"))).toBe("throttled");
    expect(await outcome(attempt("k@example.com", "the-password", "192.0.2.10"))).toBe("ok");
  });

  it("counts IPv6 clients by /64, so rotating within it does not help", async () => {
    await registerStudent({ name: "V6", email: "v6@example.com", password: "the-password" });
    for (let i = 1; i <= 5; i++) expect(await outcome(attempt("v6@example.com", "wrong", `2001:db8:5:6::${i}`))).toBe("bad");
    expect(await outcome(attempt("v6@example.com", "wrong", "2001:db8:5:6:ffff::1"))).toBe("throttled");
  });
});
