// `npm start`: everything a newcomer needs, in order. Safe to run again: data is kept.
//   1. check the database settings and the session secret
//   2. apply migrations (embedded SQLite under .data/ unless DATABASE_URL names PostgreSQL)
//   3. build the lessons and quizzes from content/ and sync them into the database
//   4. embedded mode: make sure the demo accounts exist and print their sign-in details
//   5. build the app when its sources changed, then serve it (`--dev` serves the development build)
//      through scripts/serve.ts, which takes the client address from the connection
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DATA_DIR, describeDatabase, resolveDatabase } from "@/lib/database-url";
import { resolveAuthSecret } from "@/lib/secret";
import { run } from "./lib/run";
import { applyMigrations } from "./lib/migrate";
import { sourceFingerprint } from "./lib/build-fingerprint";

const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";
const tsx = [path.resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server"];

function step(text: string) {
  console.log(`\n▸ ${text}`);
}

const target = resolveDatabase();
mkdirSync(DATA_DIR, { recursive: true });
let secret: string;
try {
  secret = resolveAuthSecret();
} catch (error) {
  console.error(`\n✗ ${(error as Error).message}\n`);
  process.exit(1);
}
const env: NodeJS.ProcessEnv = { ...process.env, NEXTAUTH_SECRET: secret, NEXT_TELEMETRY_DISABLED: "1" };
if (!env.NEXTAUTH_URL) {
  env.NEXTAUTH_URL = `http://localhost:${port}`;
  // Not the public address, only a stand-in: links shown to users take the request's host instead (lib/site-origin.ts).
  env.NEXTAUTH_URL_DEFAULTED = "1";
}

step(`Database: ${describeDatabase(target)}`);
applyMigrations(env);

if (existsSync("scripts/content-sync.ts")) {
  step("Lessons and quizzes: building from content/ and syncing");
  run(process.execPath, [...tsx, "scripts/content-sync.ts"], env);
}

if (target.embedded) {
  step("Demo accounts");
  run(process.execPath, [...tsx, "scripts/demo-accounts.ts"], env);
}

if (dev) {
  step(`Starting the development server on http://localhost:${port}`);
  serve(["--dev"]);
} else {
  const stamp = path.join(".next", "source-fingerprint");
  const fingerprint = sourceFingerprint();
  const built = existsSync(path.join(".next", "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === fingerprint;
  if (built) {
    step("App: already built for these sources");
  } else {
    step("App: building (next build)");
    run(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], env);
    writeFileSync(stamp, fingerprint);
  }
  step(`Serving on http://localhost:${port}`);
  serve([]);
}

// Without the react-server condition: Next's server loads its own React builds per bundle.
function serve(args: string[]) {
  const nodeEnv = dev ? "development" : "production";
  const child = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/serve.ts", ...args], {
    stdio: "inherit",
    env: { ...env, PORT: port, NODE_ENV: nodeEnv },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 0));
}
