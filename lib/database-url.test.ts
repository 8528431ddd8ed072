import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeDatabase, resolveDatabase } from "./database-url";

describe("describeDatabase", () => {
  it("names the embedded file relative to the project", () => {
    expect(describeDatabase(resolveDatabase("file:./.data/app.db"))).toBe(`embedded SQLite at ${path.join(".data", "app.db")}`);
  });

  it("names a PostgreSQL server and database without the password", () => {
    const text = describeDatabase(resolveDatabase("postgresql://quiz:s3cret@db.internal:5433/quiz_prod?sslmode=require"));
    expect(text).toBe('PostgreSQL database "quiz_prod" on db.internal:5433');
    expect(text).not.toContain("s3cret");
  });
});
