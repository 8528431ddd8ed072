import { describe, expect, it } from "vitest";
import { isRetryable } from "./retry-transaction";

describe("isRetryable", () => {
  it.each([
    ["Prisma's write conflict", { code: "P2034" }],
    ["a unique row a concurrent transaction inserted first", { code: "P2002" }],
    ["PostgreSQL's serialization failure", { code: "40001" }],
    ["PostgreSQL's deadlock", { code: "40P01" }],
    ["SQLite busy", new Error("SQLITE_BUSY: database is locked")],
  ])("retries %s", (_, error) => {
    expect(isRetryable(error)).toBe(true);
  });

  it.each([
    ["a failed constraint", new Error("Foreign key constraint violated")],
    ["an app error", { code: "NOT_FOUND" }],
    ["nothing", null],
  ])("does not retry %s", (_, error) => {
    expect(isRetryable(error)).toBe(false);
  });
});
