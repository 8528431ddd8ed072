// Several server processes on one PostgreSQL database behind HAProxy (docs/decisions/0029).
// `npm start -- --instances N` (or INSTANCES=N) uses it after migrations, content sync and the one
// shared build; bench:http --instances N and e2e/scale-out.spec.ts start the same cluster.
//
// The balancer listens on PORT; the app processes (scripts/serve.ts, one build shared) listen on
// 127.0.0.1 only, on INSTANCE_PORT_BASE, +1, … (default PORT+1), with TRUSTED_PROXY_HOPS=1 so the
// client address is the one HAProxy appends to X-Forwarded-For (`option forwardfor`).
import { spawn, spawnSync, type ChildProcess, type StdioOptions } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * How many app processes behind HAProxy were asked for: `--instances N` (or `--instances=N`) wins
 * over INSTANCES; null when neither is given (one process, no balancer). `--instances 1` is one
 * process behind the balancer, which is what a fair 1-vs-N comparison needs.
 */
export function requestedInstances(argv: string[], env: Record<string, string | undefined> = process.env): number | null {
  let raw: string | undefined = env.INSTANCES;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--instances") raw = argv[i + 1];
    else if (argv[i]!.startsWith("--instances=")) raw = argv[i]!.slice("--instances=".length);
  }
  if (raw === undefined || raw.trim() === "") return null;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 32) throw new Error(`--instances (or INSTANCES) must be a whole number from 1 to 32, not "${raw}".`);
  return n;
}

/** The haproxy binary: HAPROXY_PATH, else `haproxy` on PATH or in the sbin folders Debian installs it to; null when none. */
export function findHaproxy(env: Record<string, string | undefined> = process.env): string | null {
  if (env.HAPROXY_PATH) return existsSync(env.HAPROXY_PATH) ? env.HAPROXY_PATH : null;
  const dirs = [...(env.PATH ?? "").split(path.delimiter).filter(Boolean), "/usr/sbin", "/usr/local/sbin", "/sbin"];
  for (const dir of dirs) {
    const candidate = path.join(dir, "haproxy");
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

export const SQLITE_REFUSAL =
  "Server processes behind a balancer (--instances) need PostgreSQL: the embedded SQLite file takes one writer at a time. " +
  "Start with DATABASE_URL=postgresql://… (see the README, \"Several processes\"), or without --instances.";

export const HAPROXY_MISSING =
  "Server processes started with --instances run behind HAProxy, which was not found. Install Debian's package " +
  "(`apt-get install haproxy`) or set HAPROXY_PATH=/path/to/haproxy, or start without --instances.";

/** Why N processes cannot start here (a message for the console), or null when they can. */
export function clusterRefusal(provider: "sqlite" | "postgresql", haproxy: string | null): string | null {
  if (provider !== "postgresql") return SQLITE_REFUSAL;
  if (!haproxy) return HAPROXY_MISSING;
  return null;
}

export interface BalancerConfig {
  /** Where the balancer listens (all interfaces, as the single process does). */
  port: number;
  /** The app processes, each on 127.0.0.1. */
  backends: { name: string; port: number }[];
  /** Longest a stopping balancer waits for connections in flight, in ms. */
  hardStopAfterMs: number;
}

/**
 * The HAProxy configuration. Round robin over the app processes; each is checked with
 * GET /api/health every 2 s (200: database, migrations and content are fine) and taken out after
 * three failures (a refused connection fails at once; a slow answer only after 10 s, so a busy
 * process is not taken out for being busy, which would leave the others busier still). `option forwardfor` appends the client's address to X-Forwarded-For, which the
 * apps read with TRUSTED_PROXY_HOPS=1. A request that failed to connect is sent to another process
 * (`retries`, `option redispatch`). No stats page, no logs of its own: the apps log every request.
 */
export function haproxyConfig(config: BalancerConfig): string {
  return [
    "# Written by scripts/lib/cluster.ts at each start; edits here are overwritten.",
    "global",
    "  maxconn 4096",
    `  hard-stop-after ${Math.ceil(config.hardStopAfterMs / 1000)}s`,
    "",
    "defaults",
    "  mode http",
    "  option forwardfor",
    "  option redispatch",
    "  retries 2",
    "  timeout connect 5s",
    "  timeout client 60s",
    "  timeout server 60s",
    "  timeout http-request 10s",
    "  timeout http-keep-alive 10s",
    "",
    "frontend quiz",
    `  bind :${config.port}`,
    "  default_backend app",
    "",
    "backend app",
    "  balance roundrobin",
    "  option httpchk",
    "  http-check send meth GET uri /api/health",
    "  http-check expect status 200",
    "  timeout check 10s",
    "  default-server inter 2s fall 3 rise 2",
    ...config.backends.map((b) => `  server ${b.name} 127.0.0.1:${b.port} check`),
    "",
  ].join("\n");
}

export interface ClusterOptions {
  instances: number;
  /** The balancer's port. */
  port: number;
  /** First app process port (the others follow); default port + 1. */
  instancePortBase?: number;
  /** The environment of every app process: same DATABASE_URL, same NEXTAUTH_SECRET. */
  env: NodeJS.ProcessEnv;
  haproxy: string;
  /** Where haproxy.cfg is written. */
  dir: string;
  /** How the children's output goes: inherited by `npm start`, ignored by the bench, piped by tests. */
  stdio?: StdioOptions;
  /** Longest wait for the apps to answer their health check. */
  readyTimeoutMs?: number;
  /** Progress lines for a person (the console by default). */
  say?: (line: string) => void;
  /** HAProxy's own warnings and alerts (standard error by default). */
  warn?: (line: string) => void;
}

export interface Cluster {
  /** The balancer's address. */
  url: string;
  /** Each app process's own address (127.0.0.1), in order. */
  backends: string[];
  processes: { name: string; child: ChildProcess }[];
  /** Stops the balancer (soft: it finishes what it is serving) and every app (SIGTERM: they finish requests in flight). True when all exited cleanly. */
  stop(): Promise<boolean>;
  /** Resolves when the balancer exits for a reason other than stop(). */
  balancerExited: Promise<number | null>;
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

/** Waits until `url` answers 200, the child exits (an error), or the time is up (an error). */
async function waitFor(url: string, child: ChildProcess, deadline: number, what: string): Promise<void> {
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${what} exited during start-up (${child.exitCode ?? child.signalCode})`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${what} did not answer ${url} in time`);
}

/**
 * Starts the app processes, waits until each answers GET /api/health, checks the configuration
 * (`haproxy -c`), then starts the balancer in the foreground and waits until it answers too.
 * Children get their own process group, so a Ctrl-C in the terminal reaches only the parent,
 * which stops them in order (stop()). On a start-up failure everything started is stopped.
 */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const say = options.say ?? ((line: string) => console.log(line));
  const base = options.instancePortBase ?? options.port + 1;
  const backends = Array.from({ length: options.instances }, (_, i) => ({ name: `app${i + 1}`, port: base + i }));
  if (backends.some((b) => b.port === options.port)) throw new Error(`The app processes' ports (${base}…) must not include the balancer's (${options.port}).`);
  mkdirSync(options.dir, { recursive: true });
  const configFile = path.join(options.dir, "haproxy.cfg");
  writeFileSync(configFile, haproxyConfig({ port: options.port, backends, hardStopAfterMs: 15_000 }));
  const check = spawnSync(options.haproxy, ["-c", "-q", "-f", configFile], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`haproxy rejected ${configFile}:\n${check.stdout}${check.stderr}`);

  const stdio = options.stdio ?? "inherit";
  const processes: Cluster["processes"] = [];
  let stopping = false;
  const stop = async (): Promise<boolean> => {
    stopping = true;
    const codes = await Promise.all(
      processes.map(({ name, child }) => {
        if (child.exitCode === null && child.signalCode === null) child.kill(name === "haproxy" ? "SIGUSR1" : "SIGTERM");
        return exited(child);
      }),
    );
    return codes.every((c) => c === 0);
  };

  try {
    for (const b of backends) {
      // Without the react-server condition: Next's server loads its own React builds per bundle.
      const child = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/serve.ts"], {
        stdio,
        detached: true,
        env: { ...options.env, NODE_ENV: "production", PORT: String(b.port), LISTEN_HOST: "127.0.0.1", TRUSTED_PROXY_HOPS: "1" },
      });
      processes.push({ name: b.name, child });
    }
    const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
    await Promise.all(backends.map((b, i) => waitFor(`http://127.0.0.1:${b.port}/api/health`, processes[i]!.child, deadline, `app process ${b.name}`)));
    say(`  ${backends.map((b) => `${b.name} on 127.0.0.1:${b.port}`).join(", ")}: healthy`);

    // -db: stay in the foreground, so this process owns it; SIGUSR1 asks it to finish and stop.
    // Its messages are passed on, except the one line per proxy it writes at every stop.
    const balancer = spawn(options.haproxy, ["-db", "-f", configFile], { stdio: ["ignore", "ignore", "pipe"], detached: true });
    processes.push({ name: "haproxy", child: balancer });
    let messages = "";
    balancer.stderr!.setEncoding("utf8");
    balancer.stderr!.on("data", (chunk: string) => {
      messages += chunk;
      for (const line of chunk.split("\n")) if (line.trim() && !/\bProxy \S+ stopped\b/.test(line)) (options.warn ?? console.error)(`  haproxy: ${line.trim()}`);
    });
    await waitFor(`http://127.0.0.1:${options.port}/api/health`, balancer, deadline, "haproxy").catch((error: Error) => {
      throw new Error(`${error.message}${messages ? `:\n${messages.trim()}` : ""}`);
    });
    const balancerExited = exited(balancer).then((code) => (stopping ? new Promise<number | null>(() => undefined) : code));
    for (const { name, child } of processes.slice(0, -1)) {
      void exited(child).then((code) => {
        if (!stopping) say(`  ! app process ${name} exited (${code ?? child.signalCode}); the balancer sends its requests to the others`);
      });
    }
    return { url: `http://127.0.0.1:${options.port}`, backends: backends.map((b) => `http://127.0.0.1:${b.port}`), processes, stop, balancerExited };
  } catch (error) {
    await stop();
    throw error;
  }
}
