import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/server/db";
import { createAccount } from "@/lib/server/data/users";

// A statement that is not part of an open transaction must not become part of it. On SQLite the
// adapter has one connection, and a transaction is a BEGIN on it: before the adapter patch, another
// request's write made while a transaction was open (an upload being stored, a double-clicked
// answer's losing insert) ran inside it and was rolled back with it, or saw its rows before COMMIT.
const provider = inject("databaseProvider");

describe("statements outside an open transaction", () => {
  it("a write made meanwhile survives the transaction's rollback, and reads see no uncommitted row", async () => {
    const user = await createAccount({ name: "Iso", email: `iso-${provider}@example.com`, password: "long-enough-pw", role: "STUDENT" });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inside!: () => void;
    const opened = new Promise<void>((resolve) => (inside = resolve));

    const rolledBack = db()
      .$transaction(async (tx) => {
        await tx.user.update({ where: { id: user.id }, data: { name: "Iso (uncommitted)" } });
        inside();
        await held;
        throw new Error("roll back");
      }, { timeout: 20_000 })
      .catch((error: Error) => error.message);

    await opened;
    // Meanwhile, outside the transaction: one read and one write of another request. `.then` sends
    // each now (a Prisma query runs only when it is awaited or then-ed).
    const seen = db().user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true } }).then((row) => row.name);
    const written = db().user.update({ where: { id: user.id }, data: { timeZone: "Asia/Shanghai" } }).then(() => "written");
    setTimeout(release, 200);
    expect(await rolledBack).toBe("roll back");
    expect(await seen).toBe("Iso");
    expect(await written).toBe("written");

    const after = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true, timeZone: true } });
    expect(after).toEqual({ name: "Iso", timeZone: "Asia/Shanghai" });
  });
});
