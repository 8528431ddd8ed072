// Runs the Prisma CLI with the settings it needs on a machine with no engine downloads.
// Some commands (migrate diff, db push) first try to download the Rust engines; pointing these two
// variables at any existing file skips that, and the JS engine does the work (docs/decisions/0002).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const prismaBin = require.resolve("prisma/build/index.js");

/** Runs `prisma ...args`; returns the exit status (and the output when `capture` is set). */
export function runPrisma(args, { env = {}, capture = false } = {}) {
  const result = spawnSync(process.execPath, [prismaBin, ...args], {
    stdio: capture ? ["ignore", "pipe", "pipe"] : "inherit",
    encoding: "utf8",
    env: {
      ...process.env,
      PRISMA_QUERY_ENGINE_LIBRARY: process.execPath,
      PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
      ...env,
    },
  });
  return { status: result.status ?? 1, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exit(runPrisma(process.argv.slice(2)).status);
}
