import { describe, expect, it } from "vitest";
import { MISSING_SECRET_MESSAGE, resolveAuthSecret } from "./secret";
import { resolveDatabase } from "./database-url";

describe("resolveDatabase", () => {
  it("defaults to the embedded SQLite file", () => {
    expect(resolveDatabase(undefined)).toMatchObject({ provider: "sqlite", embedded: true });
    expect(resolveDatabase(undefined).url).toMatch(/app\.db$/);
  });
  it("selects PostgreSQL for postgres:// and postgresql://", () => {
    for (const url of ["postgres://u@h/db", "postgresql://u@h:5432/db"]) {
      expect(resolveDatabase(url)).toEqual({ provider: "postgresql", url, embedded: false });
    }
  });
  it("rejects other schemes with a clear message", () => {
    expect(() => resolveDatabase("mysql://x")).toThrow(/must start with postgres/);
  });
});

describe("resolveAuthSecret", () => {
  it("uses NEXTAUTH_SECRET when it is set", () => {
    expect(resolveAuthSecret({ NEXTAUTH_SECRET: "s3cret", NODE_ENV: "production", DATABASE_URL: "postgresql://h/db" })).toBe("s3cret");
  });
  it("stops a production PostgreSQL start-up without one", () => {
    expect(() => resolveAuthSecret({ NODE_ENV: "production", DATABASE_URL: "postgresql://h/db" })).toThrow(MISSING_SECRET_MESSAGE);
  });
});
