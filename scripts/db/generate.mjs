// Derives the PostgreSQL schema from the source and generates both Prisma clients.
// Runs on `npm install` (postinstall) and as `npm run db:generate`.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { POSTGRES_SCHEMA, derivePostgresSchema } from "./schemas.mjs";
import { runPrisma } from "./prisma-cli.mjs";

const derived = derivePostgresSchema();
mkdirSync("prisma/postgresql", { recursive: true });
let current = "";
try { current = readFileSync(POSTGRES_SCHEMA, "utf8"); } catch { /* first run */ }
if (current !== derived) writeFileSync(POSTGRES_SCHEMA, derived);

for (const schema of ["prisma/schema.prisma", POSTGRES_SCHEMA]) {
  const { status } = runPrisma(["generate", "--schema", schema], { env: { PRISMA_GENERATE_NO_HINTS: "1" } });
  if (status !== 0) process.exit(status);
}
