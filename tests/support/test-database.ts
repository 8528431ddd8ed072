import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type TestProvider = "sqlite" | "postgresql";

/**
 * A fresh, migrated database for one test run: a temporary SQLite file, or a new database on the
 * PostgreSQL server named by TEST_DATABASE_URL. Migrations are applied with `prisma migrate deploy`,
 * the same path production takes.
 */
export async function createTestDatabase(provider: TestProvider): Promise<{ url: string; drop: () => Promise<void> }> {
  let url: string;
  let drop: () => Promise<void>;
  if (provider === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "quiz-test-"));
    url = `file:${path.join(dir, "test.db")}`;
    drop = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const server = process.env.TEST_DATABASE_URL;
    if (!server) throw new Error("TEST_DATABASE_URL=postgresql://… is needed to run the integration tests on PostgreSQL.");
    const name = `quiz_test_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const u = new URL(server);
    u.pathname = `/${name}`;
    url = u.toString();
    drop = async () => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    };
  }
  execFileSync(process.execPath, ["scripts/db/prisma-cli.mjs", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
  return { url, drop };
}
