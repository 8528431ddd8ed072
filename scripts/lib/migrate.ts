import { spawnSync } from "node:child_process";

/**
 * Applies pending migrations (`prisma migrate deploy`) and prints one line a newcomer can read.
 * Prisma's own output warns about the schema's placeholder url, which the driver adapter ignores
 * (Prisma 6.19 demands the url; docs/decisions/0002): it is shown only when the command fails.
 */
export function applyMigrations(env: NodeJS.ProcessEnv): void {
  const result = spawnSync(process.execPath, ["scripts/db/prisma-cli.mjs", "migrate", "deploy"], { env, encoding: "utf8" });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  if (result.status !== 0) {
    console.error(output);
    console.error(`\n✗ Applying the database migrations failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
  const found = /(\d+) migrations? found/.exec(output)?.[1];
  const applied = output.includes("have been applied") ? output.match(/└─ \S+\/$/gm)?.length ?? 0 : 0;
  console.log(`  ${found ?? "All"} migrations, ${applied === 0 ? "none pending" : `${applied} applied now`}.`);
}
