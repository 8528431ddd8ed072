// Keeps the two migration folders in step with the one source schema (docs/decisions/0003).
//
//   node scripts/db/migrations.mjs check        fails when a migration folder or the derived
//                                               PostgreSQL schema drifts from prisma/schema.prisma
//   node scripts/db/migrations.mjs new NAME     writes the next migration for both providers
//
// `migrate diff --from-migrations` needs a shadow database and `--from-url` is refused with a
// driver adapter, so instead: apply the migrations to a scratch database with `migrate deploy`,
// read it back with `db pull`, and diff that schema against the source.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { runPrisma } from "./prisma-cli.mjs";
import { POSTGRES_SCHEMA, SOURCE_SCHEMA, derivePostgresSchema } from "./schemas.mjs";

const PROVIDERS = {
  sqlite: { schema: SOURCE_SCHEMA, migrations: "prisma/migrations" },
  postgresql: { schema: POSTGRES_SCHEMA, migrations: "prisma/postgresql/migrations" },
};

function fail(message) {
  console.error(`db: ${message}`);
  process.exit(1);
}

/** Creates an empty scratch database; returns its DATABASE_URL and a cleanup function. */
async function scratchDatabase(provider, serverUrl) {
  if (provider === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "quiz-migrations-"));
    return { url: `file:${path.join(dir, "scratch.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `quiz_scratch_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/** SQL that takes a database built from the existing migrations to the source schema ("" if none). */
async function pendingSql(provider, serverUrl) {
  const { schema } = PROVIDERS[provider];
  const db = await scratchDatabase(provider, serverUrl);
  try {
    const env = { DATABASE_URL: db.url };
    const deploy = runPrisma(["migrate", "deploy"], { env, capture: true });
    if (deploy.status !== 0) fail(`${provider}: migrate deploy on a scratch database failed:\n${deploy.stdout}${deploy.stderr}`);
    const pulled = runPrisma(["db", "pull", "--print", "--schema", schema], { env, capture: true });
    if (pulled.status !== 0) fail(`${provider}: db pull failed:\n${pulled.stderr}`);
    const pulledFile = path.join(path.dirname(schema), `.pulled-${process.pid}.prisma`);
    // db pull prints a driver-adapter warning before the schema on stdout.
    writeFileSync(pulledFile, pulled.stdout.slice(Math.max(0, pulled.stdout.indexOf("generator "))));
    try {
      const diff = runPrisma(
        ["migrate", "diff", "--from-schema-datamodel", pulledFile, "--to-schema-datamodel", schema, "--script"],
        { env, capture: true },
      );
      if (diff.status !== 0) fail(`${provider}: migrate diff failed:\n${diff.stderr}`);
      return /^\s*(--.*\n?)*\s*$/.test(diff.stdout.replace("-- This is an empty migration.", "")) ? "" : diff.stdout;
    } finally {
      rmSync(pulledFile, { force: true });
    }
  } finally {
    await db.drop();
  }
}

function postgresServer() {
  const url = process.env.TEST_DATABASE_URL ?? process.env.MIGRATIONS_POSTGRES_URL;
  return url && /^postgres(ql)?:\/\//.test(url) ? url : undefined;
}

async function check() {
  if (readFileSync(POSTGRES_SCHEMA, "utf8") !== derivePostgresSchema()) {
    fail(`${POSTGRES_SCHEMA} is out of date with ${SOURCE_SCHEMA}: run \`npm run db:generate\`.`);
  }
  const server = postgresServer();
  const providers = server ? ["sqlite", "postgresql"] : ["sqlite"];
  for (const provider of providers) {
    const sql = await pendingSql(provider, server);
    if (sql) fail(`${provider}: the migrations in ${PROVIDERS[provider].migrations} do not produce ${PROVIDERS[provider].schema}. Run \`npm run db:migration -- <name>\`. Missing:\n${sql}`);
    console.log(`db: ${provider} migrations match the schema`);
  }
  if (!server) console.log("db: PostgreSQL migrations not checked (set TEST_DATABASE_URL=postgresql://… to check them)");
}

async function create(name) {
  if (!name || !/^[a-z0-9_]+$/.test(name)) fail("usage: npm run db:migration -- <name_in_snake_case>");
  const server = postgresServer();
  if (!server) fail("set TEST_DATABASE_URL=postgresql://… (a server where scratch databases can be created)");
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  for (const provider of ["sqlite", "postgresql"]) {
    const sql = await pendingSql(provider, server);
    if (!sql) { console.log(`db: ${provider}: schema unchanged, no migration written`); continue; }
    const dir = path.join(PROVIDERS[provider].migrations, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`db: wrote ${dir}/migration.sql`);
  }
}

const [command, arg] = process.argv.slice(2);
if (command === "check") await check();
else if (command === "new") await create(arg);
else fail("usage: node scripts/db/migrations.mjs check | new NAME");
