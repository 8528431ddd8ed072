import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/sqlite/client";
import { PrismaClient as PostgresClient } from "@/lib/generated/prisma/postgresql/client";
import { resolveDatabase } from "@/lib/database-url";
import { dbHolder } from "@/lib/db-global";

/**
 * The one Prisma client. Both generated clients come from one schema (docs/decisions/0003), so
 * they expose the same API; the SQLite client's type stands for both.
 */
export type Db = PrismaClient;

function createDb(): Db {
  const target = resolveDatabase();
  if (target.provider === "postgresql") {
    // work_mem 16 MB (the default is 4 MB): grouping every student's latest answers for question
    // statistics then stays in memory (a hash aggregate, ~70 ms) instead of sorting on disk
    // (~140 ms); see decisions/0012. At most per sort or hash, per connection of the pool.
    const adapter = new PrismaPg({ connectionString: target.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), options: "-c work_mem=16MB" });
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  // WAL lets readers run beside the writer: about twice the write throughput under load here.
  const adapter = new PrismaBetterSQLite3({ url: `file:${target.url}` });
  const client = new PrismaClient({ adapter });
  void client.$queryRawUnsafe("PRAGMA journal_mode = WAL").catch(() => undefined);
  return client;
}

const globalForDb = dbHolder<Db>();

/** Returns the process-wide client (kept across hot reloads in development). */
export function db(): Db {
  globalForDb.quizDb ??= createDb();
  return globalForDb.quizDb;
}
