import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { db, type Db } from "@/lib/server/db";
import { prismaPaths } from "@/lib/database-url";
import { syncContent, type SyncInput } from "@/lib/server/data/content-sync";
import { checkHealth } from "@/lib/server/health";
import { wipeContent } from "../support/wipe-content";

const provider = inject("databaseProvider");
const migrations = prismaPaths(provider).migrations;
const migrationCount = readdirSync(migrations, { withFileTypes: true }).filter((e) => e.isDirectory()).length;

function input(sentence: string): SyncInput {
  return {
    lessons: [
      {
        slug: "health-lesson",
        title: "Health lesson",
        language: "en",
        source: null,
        body: { sections: [{ id: "h-s1", heading: null, paragraphs: [{ id: "h-p1", sentences: [{ id: "h-t0", text: sentence }] }] }], figures: [] },
      },
    ],
    sectors: [],
    questions: [{ id: "health-q1", lessonSlug: "health-lesson", language: "en", type: "figure-mc", sourceSentenceId: "h-t0", factId: null, sectorIds: [], payload: { stem: sentence } }],
    retireMissingLessons: true,
  };
}

describe(`health on ${provider}`, () => {
  // The run shares one database with the other suites: content is this file's own, and goes after.
  const scratch: string[] = [];
  beforeEach(wipeContent);
  afterEach(() => scratch.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  afterAll(wipeContent);

  it("is healthy when the database answers, every migration is applied and content is synced", async () => {
    await syncContent(input("Wheat output rose 12% in 2021."));
    const report = await checkHealth(db(), migrations);
    expect(report.failing).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.migrations).toEqual({ ok: true, expected: migrationCount, applied: migrationCount, pending: [], failed: [] });
    expect(report.content).toMatchObject({ ok: true, lessons: 1, questions: 1 });
    expect(report.content.version).toMatch(/^[0-9a-f]{16}$/);
    expect(Date.parse(report.content.syncedAt!)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("keeps the content version across a sync that changes nothing and changes it when a sync does", async () => {
    await syncContent(input("Wheat output rose 12% in 2021."));
    const first = (await checkHealth(db(), migrations)).content.version;
    await syncContent(input("Wheat output rose 12% in 2021."));
    expect((await checkHealth(db(), migrations)).content.version).toBe(first);
    await syncContent(input("Wheat output rose 13% in 2021."));
    expect((await checkHealth(db(), migrations)).content.version).not.toBe(first);
  });

  it("names content as failing before any sync", async () => {
    const report = await checkHealth(db(), migrations);
    expect(report.ok).toBe(false);
    expect(report.failing).toEqual(["content"]);
    expect(report.content).toEqual({ ok: false, version: null, lessons: 0, questions: 0, syncedAt: null });
  });

  it("names a migration in the folder that the database has not applied", async () => {
    await syncContent(input("Wheat output rose 12% in 2021."));
    const dir = mkdtempSync(path.join(os.tmpdir(), "health-migrations-"));
    scratch.push(dir);
    cpSync(migrations, dir, { recursive: true });
    mkdirSync(path.join(dir, "29990101000000_future"));
    writeFileSync(path.join(dir, "29990101000000_future", "migration.sql"), "SELECT 1;\n");
    const report = await checkHealth(db(), dir);
    expect(report.failing).toEqual(["migrations"]);
    expect(report.migrations).toMatchObject({ ok: false, expected: migrationCount + 1, applied: migrationCount, pending: ["29990101000000_future"] });
  });

  it("names a migration that started and never finished", async () => {
    await syncContent(input("Wheat output rose 12% in 2021."));
    await db().$executeRawUnsafe(
      "INSERT INTO _prisma_migrations (id, checksum, migration_name, applied_steps_count) VALUES ('health-test', 'x', '29990101000000_broken', 0)",
    );
    try {
      const report = await checkHealth(db(), migrations);
      expect(report.failing).toEqual(["migrations"]);
      expect(report.migrations.failed).toEqual(["29990101000000_broken"]);
    } finally {
      await db().$executeRawUnsafe("DELETE FROM _prisma_migrations WHERE id = 'health-test'");
    }
  });

  it("names every part when the database does not answer, and tells nothing of why", async () => {
    const unreachable = { $queryRawUnsafe: () => Promise.reject(new Error("connect ECONNREFUSED 10.0.0.1:5432 user=secret")) } as unknown as Db;
    const report = await checkHealth(unreachable, migrations);
    expect(report.ok).toBe(false);
    expect(report.failing).toEqual(["database", "migrations", "content"]);
    expect(JSON.stringify(report)).not.toMatch(/ECONNREFUSED|secret|10\.0\.0\.1/);
  });
});
