import path from "node:path";

export type DatabaseProvider = "sqlite" | "postgresql";

export interface DatabaseTarget {
  provider: DatabaseProvider;
  /** For SQLite, an absolute file path; for PostgreSQL, the connection string. */
  url: string;
  /** True for the embedded SQLite default: demo accounts and a generated secret are allowed. */
  embedded: boolean;
}

/** The embedded database lives under .data/ in the project, so a laptop install needs no server. */
export const DATA_DIR = path.resolve(/*turbopackIgnore: true*/ process.env.APP_DATA_DIR ?? ".data");

/**
 * Reads DATABASE_URL: postgres:// or postgresql:// selects PostgreSQL, `file:…` or nothing selects
 * the embedded SQLite file (default .data/app.db).
 */
export function resolveDatabase(url = process.env.DATABASE_URL): DatabaseTarget {
  if (!url || url.trim() === "") {
    return { provider: "sqlite", url: path.join(DATA_DIR, "app.db"), embedded: true };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { provider: "postgresql", url, embedded: false };
  if (url.startsWith("file:")) {
    return { provider: "sqlite", url: path.resolve(/*turbopackIgnore: true*/ url.slice("file:".length)), embedded: true };
  }
  throw new Error(
    `DATABASE_URL must start with postgres://, postgresql:// or file: (got "${url.split(":")[0]}:…").`,
  );
}

/** Names the database for a person reading the console: the file, or the server and database (never the password). */
export function describeDatabase(target: DatabaseTarget): string {
  if (target.provider === "sqlite") return `embedded SQLite at ${path.relative(".", target.url) || target.url}`;
  const u = new URL(target.url);
  return `PostgreSQL database "${u.pathname.slice(1) || "(default)"}" on ${u.hostname}${u.port ? `:${u.port}` : ""}`;
}

/** Where the schema and migrations of each provider live (one source, see docs/decisions). */
export function prismaPaths(provider: DatabaseProvider) {
  return provider === "sqlite"
    ? { schema: "prisma/schema.prisma", migrations: "prisma/migrations" }
    : { schema: "prisma/postgresql/schema.prisma", migrations: "prisma/postgresql/migrations" };
}
