import { beforeEach, describe, expect, inject, it, vi } from "vitest";
import { db } from "@/lib/server/db";
import { resolveForwardedFor } from "@/lib/client-address";

const provider = inject("databaseProvider");

// The action reads the client address from the request headers, as scripts/serve.ts wrote them.
let forwardedFor = "";
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": forwardedFor }), cookies: async () => ({ get: () => undefined }) }));
const { signUpAction } = await import("@/app/(auth)/signup/actions");

let serial = 0;
function signUpFrom(socket: string, sentForwardedFor?: string) {
  forwardedFor = resolveForwardedFor(sentForwardedFor, socket, 0);
  serial += 1;
  const form = new FormData();
  form.set("name", `Bulk ${serial}`);
  form.set("email", `bulk-${serial}@example.com`);
  form.set("password", "a-long-password");
  return signUpAction({ ok: false, errors: {}, values: { name: "", email: "" } }, form);
}

describe(`sign-up rate limit on ${provider}`, () => {
  beforeEach(async () => {
    delete process.env.SIGN_UP_LIMIT_PER_MINUTE;
    delete process.env.SIGN_UP_LIMIT_PER_HOUR;
    await db().rateLimitCounter.deleteMany();
    await db().user.deleteMany();
  });

  it("allows 10 accounts a minute from one address, then refuses with a message, whatever X-Forwarded-For says", async () => {
    for (let i = 0; i < 10; i++) expect((await signUpFrom("203.0.113.20", `10.0.0.${i}`)).ok).toBe(true);
    const refused = await signUpFrom("203.0.113.20", "10.0.0.99");
    expect(refused.ok).toBe(false);
    expect(refused.formError).toMatch(/Too many new accounts/);
    expect(await db().user.count()).toBe(10);
    // Another address is not affected.
    expect((await signUpFrom("198.51.100.30")).ok).toBe(true);
  });

  it("30 sign-ups in parallel from one address create at most 10 accounts", async () => {
    const results = await Promise.all(Array.from({ length: 30 }, () => signUpFrom("203.0.113.21")));
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(await db().user.count()).toBe(10);
  });

  it("the per-minute limit can be raised only explicitly, and the hourly one still holds", async () => {
    process.env.SIGN_UP_LIMIT_PER_MINUTE = "1000";
    for (let i = 0; i < 60; i++) expect((await signUpFrom("203.0.113.22")).ok).toBe(true);
    expect((await signUpFrom("203.0.113.22")).formError).toMatch(/Too many new accounts/);
  });
});
