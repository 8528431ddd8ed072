// `npm start`: everything a newcomer needs, in order. Safe to run again: data is kept.
//   1. check the database settings and the session secret
//   2. apply migrations (embedded SQLite under .data/ unless DATABASE_URL names PostgreSQL)
//   3. build the lessons and quizzes from content/ and sync them into the database
//   4. embedded mode: make sure the demo accounts exist and print their sign-in details
//   5. build the app when its sources changed, then serve it (`--dev` serves the development build)
//      through scripts/serve.ts, which takes the client address from the connection
// `--instances N` (or INSTANCES=N), PostgreSQL only: N such processes on the one build, behind
// HAProxy on PORT (scripts/lib/cluster.ts, docs/decisions/0029).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DATA_DIR, describeDatabase, resolveDatabase } from "@/lib/database-url";
import { resolveAuthSecret } from "@/lib/secret";
import { run } from "./lib/run";
import { applyMigrations } from "./lib/migrate";
import { sourceFingerprint } from "./lib/build-fingerprint";
import { clusterRefusal, findHaproxy, requestedInstances, startCluster } from "./lib/cluster";

const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";
const tsx = [path.resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server"];

function step(text: string) {
  console.log(`\n▸ ${text}`);
}

const target = resolveDatabase();
let instances: number | null;
let secret: string;
try {
  instances = requestedInstances(process.argv.slice(2));
  if (instances !== null) {
    if (dev) throw new Error("--instances runs the production build; `npm run dev` is one development server.");
    const refusal = clusterRefusal(target.provider, findHaproxy());
    if (refusal) throw new Error(refusal);
  }
  mkdirSync(DATA_DIR, { recursive: true });
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
  if (instances !== null) {
    step(`Serving on http://localhost:${port}: HAProxy in front of ${instances} server process${instances === 1 ? "" : "es"}`);
    await serveCluster(instances);
  } else {
    step(`Serving on http://localhost:${port}`);
    serve([]);
  }
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

// N processes behind HAProxy. Each child has its own process group, so a Ctrl-C reaches only this
// process, which stops the balancer and the apps in order and exits 0 when all stopped cleanly.
async function serveCluster(n: number) {
  let cluster: Awaited<ReturnType<typeof startCluster>>;
  try {
    cluster = await startCluster({
      instances: n,
      port: Number(port),
      instancePortBase: process.env.INSTANCE_PORT_BASE ? Number(process.env.INSTANCE_PORT_BASE) : undefined,
      env,
      haproxy: findHaproxy()!,
      dir: path.join(DATA_DIR, "haproxy"),
    });
  } catch (error) {
    console.error(`\n✗ ${(error as Error).message}\n`);
    process.exit(1);
  }
  console.log(`  HAProxy on :${port} (health check GET /api/health, config in ${path.relative(".", path.join(DATA_DIR, "haproxy", "haproxy.cfg"))})`);
  let stopping = false;
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    void cluster.stop().then((clean) => process.exit(code || (clean ? 0 : 1)));
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stop(0));
  void cluster.balancerExited.then((code) => {
    console.error(`\n✗ HAProxy exited (${code}); stopping the server processes.`);
    stop(1);
  });
}
