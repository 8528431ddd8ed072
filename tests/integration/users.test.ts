import { beforeEach, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { createAccount, findSessionUser, findUserByEmail, findUserById, registerStudent, setUserLocale, updateAccount, verifyCredentials } from "@/lib/server/data/users";

const provider = inject("databaseProvider");

describe(`users data layer on ${provider}`, () => {
  beforeEach(async () => {
    await db().user.deleteMany();
  });

  it("registers a student with a hashed password and a normalised email", async () => {
    const user = await registerStudent({ name: "Lin Wei 林伟", email: "  Lin.Wei@Example.COM ", password: "correct horse 1" });
    expect(user).toMatchObject({ email: "lin.wei@example.com", name: "Lin Wei 林伟", role: "STUDENT" });
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain("correct horse 1");
  });

  it("refuses a duplicate email with a field error and stores nothing", async () => {
    await registerStudent({ name: "A", email: "dup@example.com", password: "password-one" });
    const attempt = registerStudent({ name: "B", email: "DUP@example.com", password: "password-two" });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "CONFLICT", field: "email" });
    expect(await db().user.count()).toBe(1);
    expect((await findUserByEmail("dup@example.com"))?.name).toBe("A");
  });

  it("rejects a short password before anything is written", async () => {
    await expect(registerStudent({ name: "C", email: "c@example.com", password: "short" })).rejects.toThrow();
    expect(await db().user.count()).toBe(0);
  });

  it("verifies credentials: right password, wrong password, unknown account", async () => {
    const user = await registerStudent({ name: "D", email: "d@example.com", password: "the-right-one" });
    expect(await verifyCredentials("D@example.com", "the-right-one")).toEqual(user);
    expect(await verifyCredentials("d@example.com", "the-wrong-one")).toBeNull();
    expect(await verifyCredentials("nobody@example.com", "the-right-one")).toBeNull();
  });

  it("promotes an account and changes its password only when asked", async () => {
    await registerStudent({ name: "E", email: "e@example.com", password: "first-password" });
    const promoted = await updateAccount("e@example.com", { role: "INSTRUCTOR" });
    expect(promoted.role).toBe("INSTRUCTOR");
    expect(await verifyCredentials("e@example.com", "first-password")).not.toBeNull();
    await updateAccount("e@example.com", { password: "second-password" });
    expect(await verifyCredentials("e@example.com", "first-password")).toBeNull();
    expect((await findUserById(promoted.id))?.role).toBe("INSTRUCTOR");
  });

  it("creates an admin through the trusted path and reports a missing account clearly", async () => {
    const admin = await createAccount({ name: "F", email: "f@example.com", password: "admin-password", role: "ADMIN" });
    expect(admin.role).toBe("ADMIN");
    await expect(updateAccount("ghost@example.com", { role: "ADMIN" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("stores and returns Chinese names unchanged", async () => {
    const user = await registerStudent({ name: "吴福象", email: "wu@example.com", password: "chinese-name-ok" });
    expect((await findUserById(user.id))?.name).toBe("吴福象");
  });

  it("keeps an interface language per account: none at first, then the one chosen in the switcher", async () => {
    const user = await registerStudent({ name: "Locale", email: "locale@example.com", password: "a-long-password" });
    expect((await findSessionUser(user.id, 0))?.locale).toBeNull();
    await setUserLocale(user.id, "zh");
    expect((await findSessionUser(user.id, 0))?.locale).toBe("zh");
    await setUserLocale(user.id, "en");
    expect((await verifyCredentials("locale@example.com", "a-long-password"))?.locale).toBe("en");
  });
});
