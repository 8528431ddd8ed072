import { beforeEach, describe, expect, inject, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import { db } from "@/lib/server/db";
import { currentSessionVersion, endSessions, registerStudent, updateAccount } from "@/lib/server/data/users";

const provider = inject("databaseProvider");

// getCurrentUser reads the session cookie through next/headers: here it reads this variable.
let sessionCookie: string | undefined;
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name === "next-auth.session-token" && sessionCookie ? { value: sessionCookie } : undefined) }),
  headers: async () => new Headers(),
}));

// Set before the auth modules load: they read the secret when imported.
process.env.NEXTAUTH_SECRET = "sessions-test-secret-0123456789abcdef";
const { getCurrentUser } = await import("@/lib/server/auth/session");
const { authOptions } = await import("@/lib/server/auth/options");

/** What next-auth puts in the cookie at sign-in, through the app's own jwt callback. */
async function signInToken(user: { id: string; role: "STUDENT" }): Promise<string> {
  const token = await authOptions.callbacks!.jwt!({ token: {} as never, user: { ...user, email: "", name: "" }, account: null });
  return encode({ token, secret: process.env.NEXTAUTH_SECRET! });
}

describe(`sessions that end, on ${provider}`, () => {
  beforeEach(async () => {
    await db().user.deleteMany();
    sessionCookie = undefined;
  });

  it("a token copied before sign-out is refused after it, and a new sign-in works", async () => {
    const user = await registerStudent({ name: "S", email: "s@example.com", password: "a-long-password" });
    const copied = await signInToken({ id: user.id, role: "STUDENT" });
    sessionCookie = copied;
    expect((await getCurrentUser())?.id).toBe(user.id);

    await endSessions(user.id); // what the sign-out action does before dropping the cookie
    expect(await getCurrentUser()).toBeNull();

    sessionCookie = await signInToken({ id: user.id, role: "STUDENT" });
    expect((await getCurrentUser())?.id).toBe(user.id);
    sessionCookie = copied;
    expect(await getCurrentUser()).toBeNull();
  });

  it("a password change ends older sessions; a role change does not", async () => {
    const user = await registerStudent({ name: "P", email: "p@example.com", password: "first-password" });
    sessionCookie = await signInToken({ id: user.id, role: "STUDENT" });
    await updateAccount("p@example.com", { role: "INSTRUCTOR" });
    expect((await getCurrentUser())?.role).toBe("INSTRUCTOR");
    await updateAccount("p@example.com", { password: "second-password" });
    expect(await getCurrentUser()).toBeNull();
    expect(await currentSessionVersion(user.id)).toBe(1);
  });

  it("next-auth's own session endpoint refuses an ended session too", async () => {
    const user = await registerStudent({ name: "J", email: "j@example.com", password: "a-long-password" });
    const jwt = authOptions.callbacks!.jwt!;
    const token = await jwt({ token: {} as never, user: { id: user.id, role: "STUDENT", email: "", name: "" }, account: null });
    await expect(jwt({ token, user: undefined as never, account: null })).resolves.toMatchObject({ id: user.id });
    await endSessions(user.id);
    await expect(jwt({ token, user: undefined as never, account: null })).rejects.toThrow(/ended/);
  });
});
