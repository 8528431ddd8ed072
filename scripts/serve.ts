// The HTTP server `npm start` runs: Next's own request handler behind a plain node:http server,
// for one reason. Stock `next start` keeps an X-Forwarded-For header the client sent, so a client
// could name any address it likes and sign-in throttling would count the wrong one. Here the
// header is always rewritten from the connection (or, behind TRUSTED_PROXY_HOPS trusted proxies,
// from the entry the nearest of them wrote) before Next sees it. docs/decisions/0013.
//   tsx scripts/serve.ts [--dev]      PORT (default 3000), TRUSTED_PROXY_HOPS (default 0)
import { createServer } from "node:http";
import { createRequire } from "node:module";
import next from "next";
import { resolveForwardedFor, trustedProxyHops } from "../lib/client-address";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
let hops: number;
try {
  hops = trustedProxyHops(process.env.TRUSTED_PROXY_HOPS);
} catch (error) {
  console.error(`\n✗ ${(error as Error).message}\n`);
  process.exit(1);
}

const server = createServer((req, res) => {
  req.headers["x-forwarded-for"] = resolveForwardedFor(req.headers["x-forwarded-for"], req.socket.remoteAddress, hops);
  void handle(req, res);
});
// httpServer: in development Next attaches its hot-reload websocket to it.
const app = next({ dev, dir: process.cwd(), port, httpServer: server });
const handle = app.getRequestHandler();

const nextVersion = (createRequire(import.meta.url)("next/package.json") as { version: string }).version;
const started = Date.now();
await app.prepare();
server.listen(port, () => {
  console.log(`   ▲ Next.js ${nextVersion}`);
  console.log(`   - Local:        http://localhost:${port}`);
  if (hops > 0) console.log(`   - Client address: X-Forwarded-For, ${hops} trusted proxy hop${hops === 1 ? "" : "s"}`);
  console.log(` ✓ Ready in ${Date.now() - started}ms`);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
  });
}
