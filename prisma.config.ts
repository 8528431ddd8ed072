// Prisma 6.19 with the JS engine migrates through a driver adapter, so no engine binary is
// downloaded (docs/decisions/0002). DATABASE_URL picks the provider, schema and migrations.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { prismaPaths, resolveDatabase } from "./lib/database-url";

const target = resolveDatabase();
const paths = prismaPaths(target.provider);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: paths.schema,
  migrations: { path: paths.migrations },
  adapter: async () => {
    if (target.provider === "postgresql") return new PrismaPg({ connectionString: target.url });
    mkdirSync(path.dirname(target.url), { recursive: true });
    return new PrismaBetterSQLite3({ url: `file:${target.url}` });
  },
});
