// The HTTP server `npm start` runs: Next's own request handler behind a plain node:http server
// (scripts/lib/app-server.ts), for three reasons. Stock `next start` keeps an X-Forwarded-For
// header the client sent, so a client could name any address it likes and sign-in throttling
// would count the wrong one: here the header is always rewritten from the connection (or, behind
// TRUSTED_PROXY_HOPS trusted proxies, from the entry the nearest of them wrote) before Next sees
// it (docs/decisions/0013). Each request is logged as one JSON line. And SIGTERM/SIGINT shut
// down gracefully: requests in flight finish (up to SHUTDOWN_TIMEOUT_MS, default 10 s), then the
// database client is closed and the process exits 0 (docs/decisions/0021). In production it also
// answers a lesson page already in the page cache itself, before Next (docs/decisions/0049).
//   tsx scripts/serve.ts [--dev]      PORT (default 3000), TRUSTED_PROXY_HOPS (default 0),
//                                     LISTEN_HOST (default: every interface; 127.0.0.1 behind a local balancer)
import { createRequire } from "node:module";
import next from "next";
import { trustedProxyHops } from "../lib/client-address";
import { logger } from "../lib/logger";
import { disconnectDb } from "../lib/db-global";
import { createAppServer, stopOnSignals } from "./lib/app-server";
import { createWarmUp } from "./lib/warm-up";
import { serveCachedLessonPage } from "../lib/lesson-fast-path";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const listenHost = process.env.LISTEN_HOST || undefined;
const shutdownTimeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 10_000);
let hops: number;
try {
  hops = trustedProxyHops(process.env.TRUSTED_PROXY_HOPS);
} catch (error) {
  console.error(`\n✗ ${(error as Error).message}\n`);
  process.exit(1);
}

// The production server warms its hot paths before it answers anyone (scripts/lib/warm-up.ts).
const warmUp = dev ? null : createWarmUp(logger);
// A lesson page already in the page cache is answered before Next (lib/lesson-fast-path.ts,
// docs/decisions/0049); in development every request goes through Next, which rebuilds pages.
const answer = dev ? undefined : serveCachedLessonPage;
const server = createAppServer((req, res) => handle(req, res), { hops, log: logger, ...(warmUp ? { warmUp: warmUp.gate } : {}), ...(answer ? { answer } : {}) });
// httpServer: in development Next attaches its hot-reload websocket to it.
const app = next({ dev, dir: process.cwd(), port, httpServer: server });
const handle = app.getRequestHandler();

const nextVersion = (createRequire(import.meta.url)("next/package.json") as { version: string }).version;
const started = Date.now();
await app.prepare();
const onListening = async () => {
  console.log(`   ▲ Next.js ${nextVersion}`);
  console.log(`   - Local:        http://${listenHost ?? "localhost"}:${port}`);
  if (hops > 0) console.log(`   - Client address: X-Forwarded-For, ${hops} trusted proxy hop${hops === 1 ? "" : "s"}`);
  // Ready once warm: requests that came meanwhile waited for it (scripts/lib/warm-up.ts).
  await warmUp?.run(`http://${selfHost()}:${port}`);
  console.log(` ✓ Ready in ${Date.now() - started}ms`);
};
if (listenHost) server.listen(port, listenHost, () => void onListening());
else server.listen(port, () => void onListening());

/** The address this process reaches itself at (as lib/server/lesson-document.ts does). */
function selfHost(): string {
  const host = listenHost && listenHost !== "0.0.0.0" ? listenHost : "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}

stopOnSignals(server, { timeoutMs: shutdownTimeoutMs, cleanup: () => Promise.allSettled([app.close(), disconnectDb()]), log: logger });
