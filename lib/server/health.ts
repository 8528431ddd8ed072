import "server-only";
import { createHash } from "node:crypto";
import { readdirSync, existsSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/server/db";

/** What `GET /api/health` reports. Nothing here names a user, a host or a credential. */
export interface HealthReport {
  ok: boolean;
  /** The parts that are not healthy, by name ("database", "migrations", "content"). */
  failing: string[];
  database: { ok: boolean };
  migrations: { ok: boolean; expected: number; applied: number; pending: string[]; failed: string[] };
  content: { ok: boolean; version: string | null; lessons: number; questions: number; syncedAt: string | null };
}

/** The migration folders of one provider, oldest first: what `prisma migrate deploy` would apply. */
export function migrationNames(migrationsDir: string): string[] {
  if (!existsSync(migrationsDir)) return [];
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(migrationsDir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort();
}

/**
 * Checks the database a server process depends on: it answers a trivial query, every migration
 * in the provider's folder is recorded as finished in `_prisma_migrations`, and content has been
 * synced. The content version is a hash of what the sync itself recorded (each live lesson's
 * content hash, and the count and latest change of the live questions), so two processes on one
 * database report the same version, and any sync that changed something changes it.
 */
export async function checkHealth(client: Db, migrationsDir: string): Promise<HealthReport> {
  const expected = migrationNames(migrationsDir);
  const report: HealthReport = {
    ok: false,
    failing: [],
    database: { ok: false },
    migrations: { ok: false, expected: expected.length, applied: 0, pending: [], failed: [] },
    content: { ok: false, version: null, lessons: 0, questions: 0, syncedAt: null },
  };
  try {
    await client.$queryRawUnsafe("SELECT 1");
    report.database.ok = true;
  } catch {
    // Unreachable: the other parts cannot be read either. The error itself may name the host.
    report.failing = ["database", "migrations", "content"];
    return report;
  }

  try {
    const rows = await client.$queryRawUnsafe<{ migration_name: string; finished: unknown; rolled_back: unknown }[]>(
      "SELECT migration_name, finished_at AS finished, rolled_back_at AS rolled_back FROM _prisma_migrations",
    );
    const finished = new Set(rows.filter((r) => r.finished != null && r.rolled_back == null).map((r) => r.migration_name));
    report.migrations.applied = expected.filter((name) => finished.has(name)).length;
    report.migrations.pending = expected.filter((name) => !finished.has(name));
    report.migrations.failed = rows.filter((r) => r.finished == null && r.rolled_back == null).map((r) => r.migration_name).sort();
    report.migrations.ok = expected.length > 0 && report.migrations.pending.length === 0 && report.migrations.failed.length === 0;
  } catch {
    // No _prisma_migrations table: nothing was ever applied.
    report.migrations.pending = expected;
  }

  try {
    const [lessons, questions] = await Promise.all([
      client.lesson.findMany({ where: { retiredAt: null }, select: { slug: true, contentHash: true, updatedAt: true }, orderBy: { slug: "asc" } }),
      client.question.aggregate({ where: { retiredAt: null }, _count: { _all: true }, _max: { updatedAt: true } }),
    ]);
    const latest = [...lessons.map((l) => l.updatedAt), questions._max.updatedAt]
      .filter((d): d is Date => d != null)
      .reduce<Date | null>((a, b) => (a && a > b ? a : b), null);
    report.content = {
      ok: lessons.length > 0,
      version:
        lessons.length > 0
          ? createHash("sha256")
              .update(JSON.stringify([lessons.map((l) => [l.slug, l.contentHash]), questions._count._all, questions._max.updatedAt?.toISOString() ?? null]))
              .digest("hex")
              .slice(0, 16)
          : null,
      lessons: lessons.length,
      questions: questions._count._all,
      syncedAt: latest?.toISOString() ?? null,
    };
  } catch {
    // The content tables are missing (migrations not applied): reported under migrations.
  }

  report.failing = (["database", "migrations", "content"] as const).filter((part) => !report[part].ok);
  report.ok = report.failing.length === 0;
  return report;
}
