import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type BetterSqlite3 from "better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
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
    // The pool's checked-out connections, kept for pgConnectionOf (decisions/0053).
    const connect = adapter.connect.bind(adapter);
    adapter.connect = async () => {
      const opened = await connect();
      const pool = opened.underlyingDriver() as pg.Pool;
      pool.on("acquire", (client) => postgres.checkedOut.add(client));
      pool.on("release", (_error, client) => postgres.checkedOut.delete(client));
      return opened;
    };
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  // WAL lets readers run beside the writer: about twice the write throughput under load here.
  const adapter = new PrismaBetterSQLite3({ url: `file:${target.url}` });
  // The adapter's one connection, kept for sqliteInTransaction (decisions/0051).
  const connect = adapter.connect.bind(adapter);
  adapter.connect = async () => {
    const opened = await connect();
    sqlite.connection = (opened as unknown as { client: BetterSqlite3.Database }).client;
    return opened;
  };
  const client = new PrismaClient({ adapter });
  void client.$queryRawUnsafe("PRAGMA journal_mode = WAL").catch(() => undefined);
  return client;
}

const globalForDb = dbHolder<Db>();
const sqlite: { connection: BetterSqlite3.Database | null } = { connection: null };
const postgres = { checkedOut: new Set<pg.PoolClient>() };

/**
 * On SQLite, the connection under Prisma while a transaction is open on it, else null. The
 * better-sqlite3 adapter has one connection: a Prisma transaction is a BEGIN on it (the adapter
 * lets one transaction at a time run), so a statement run here is part of that transaction, and
 * a prepared statement reused for thousands of rows skips Prisma's per-parameter work (content
 * sync's new questions: decisions/0051). Only for a caller inside its own `$transaction`.
 */
export function sqliteInTransaction(): BetterSqlite3.Database | null {
  const connection = sqlite.connection;
  return connection && connection.open && connection.inTransaction ? connection : null;
}

/**
 * On PostgreSQL, the pool connection a Prisma transaction `tx` runs on (found by its backend's
 * process id), else null. The pg adapter checks a connection out of its pool for each interactive
 * transaction and sends BEGIN on it, so a statement sent here is part of that transaction while
 * it is open, and queues behind (or before) the transaction's own statements in the order they
 * are sent; it skips Prisma's per-parameter work (upload storing: decisions/0053). Only for a
 * caller inside `tx`'s callback, that waits for its statements before the callback returns.
 */
export async function pgConnectionOf(tx: { $queryRaw<T>(query: TemplateStringsArray, ...values: unknown[]): Promise<T> }): Promise<pg.PoolClient | null> {
  if (postgres.checkedOut.size === 0) return null;
  const [{ pid }] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
  for (const client of postgres.checkedOut) if ((client as unknown as { processID: number | null }).processID === pid) return client;
  return null;
}

/** Returns the process-wide client (kept across hot reloads in development). */
export function db(): Db {
  globalForDb.quizDb ??= createDb();
  return globalForDb.quizDb;
}
