// prisma/schema.prisma (SQLite) is the one source of truth; the PostgreSQL variant is derived
// from it by swapping the provider and the client's output folder. Nothing else may differ.
import { readFileSync } from "node:fs";

export const SOURCE_SCHEMA = "prisma/schema.prisma";
export const POSTGRES_SCHEMA = "prisma/postgresql/schema.prisma";

const HEADER =
  "// GENERATED from prisma/schema.prisma by `npm run db:generate`. Do not edit: edit the source.\n";

export function derivePostgresSchema(source = readFileSync(SOURCE_SCHEMA, "utf8")) {
  const replaced = source
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output     = "../lib/generated/prisma/sqlite"', 'output     = "../../lib/generated/prisma/postgresql"');
  if (!replaced.includes('provider = "postgresql"') || !replaced.includes("prisma/postgresql\"")) {
    throw new Error(`${SOURCE_SCHEMA}: could not find the sqlite provider or the client output line to derive the PostgreSQL schema.`);
  }
  return HEADER + replaced;
}
