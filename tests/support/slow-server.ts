// A server as scripts/serve.ts builds it, around a slow plain handler instead of Next: for the
// test of graceful shutdown by a real signal (scripts/lib/app-server.test.ts).
import { logger } from "../../lib/logger";
import { createAppServer, stopOnSignals } from "../../scripts/lib/app-server";

const server = createAppServer(
  (_req, res) => {
    // Tells the test the request is in flight, so it can send the signal at that moment (not after a guessed delay).
    console.log("handling");
    setTimeout(() => res.end("graded"), Number(process.env.SLOW_MS ?? 500));
  },
  { hops: 0, log: logger },
);
stopOnSignals(server, { timeoutMs: 5_000, cleanup: async () => logger.info("cleanup ran"), log: logger });
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  if (address && typeof address === "object") console.log(`port ${address.port}`);
});
