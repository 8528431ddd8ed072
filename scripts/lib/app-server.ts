import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { resolveForwardedFor } from "../../lib/client-address";
import pino from "pino";
import type { Logger } from "../../lib/logger";
import { documentRoute } from "../../lib/document-route";

/**
 * The path as logged: no query string (it may carry a token), and database ids (cuids: users in
 * /instructor/classes/…/students/…, attempts, classes) as ":id", so a log names no one.
 */
export function loggedPath(url: string | undefined): string {
  return (url ?? "/")
    .split("?")[0]
    .split("/")
    .map((segment) => (/^c[a-z0-9]{20,31}$/.test(segment) ? ":id" : segment))
    .join("/");
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => unknown;

/**
 * A fresh process's warm-up (scripts/lib/warm-up.ts, docs/decisions/0046): until `ready` settles,
 * only the requests `passes` lets through (the warm-up's own) are handled; the others wait.
 */
export interface WarmUpGate {
  ready: Promise<unknown>;
  passes: (req: IncomingMessage) => boolean;
}

/**
 * The node:http server around a request handler (Next's, in scripts/serve.ts; a plain one in
 * tests). It rewrites X-Forwarded-For from the connection before the handler sees it
 * (docs/decisions/0013) and logs one JSON line per request: method, path without its query
 * string (which may carry a token or an id), status and duration. Nothing from cookies or users.
 * A 5xx is an error, a 4xx a warning: both without a stack, which the handler logs if it has one.
 */
export function createAppServer(handle: RequestHandler, options: { hops: number; log: Logger; warmUp?: WarmUpGate; answer?: AnswerFirst }): Server {
  // Tells the app, which runs in this process, that precompressed bodies reach the client intact.
  process.env.APP_SERVER_PRECOMPRESSED = "1";
  let warm = !options.warmUp;
  void options.warmUp?.ready.finally(() => (warm = true));
  return createServer((req, res) => {
    const own = !warm && options.warmUp!.passes(req);
    const started = process.hrtime.bigint();
    const method = req.method;
    const path = loggedPath(req.url);
    res.once("close", () => {
      // The warm-up's own requests (some answer 4xx by design) are not the clients' traffic.
      if (own) return;
      const status = res.statusCode;
      const line = { method, path, status, ms: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10, ...(res.writableFinished ? {} : { aborted: true }) };
      if (status >= 500) options.log.error(line, "request");
      else if (status >= 400) options.log.warn(line, "request");
      else options.log.info(line, "request");
    });
    req.headers["x-forwarded-for"] = resolveForwardedFor(req.headers["x-forwarded-for"], req.socket.remoteAddress, options.hops);
    passPrecompressed(res);
    const answer = options.answer;
    const next = () => {
      // A lesson or review page as a document: straight to its cached page's route, without Next's proxy (decisions/0046).
      req.url = documentRoute(req.method, req.url, req.headers) ?? req.url;
      void handle(req, res);
    };
    const run = answer ? () => void answer(req, res).then((done) => done || next(), next) : next;
    if (warm || own) run();
    else void options.warmUp!.ready.finally(run);
  });
}

/**
 * Answers a request before the handler when it can (the cached lesson pages, lib/lesson-fast-path.ts,
 * docs/decisions/0049): true when it sent the response, false to pass the request on untouched.
 */
export type AnswerFirst = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/**
 * A body the app compressed itself (the cached lesson pages, docs/decisions/0042). Next drops a
 * route handler's Content-Encoding (it assumes fetch decoded the body), so the handler names the
 * encoding in this header instead, with `Cache-Control: no-transform` so Next does not compress it
 * again, and it becomes Content-Encoding here as the headers go out.
 */
export const PRECOMPRESSED_HEADER = "x-app-content-encoding";

function passPrecompressed(res: ServerResponse) {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const encoding = this.getHeader(PRECOMPRESSED_HEADER);
    if (encoding !== undefined) {
      this.removeHeader(PRECOMPRESSED_HEADER);
      this.setHeader("Content-Encoding", String(encoding));
    }
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as typeof res.writeHead;
}

/**
 * Stops taking connections, lets the requests in flight finish (an answer being graded is saved
 * and replied to), then runs `cleanup` (close Next, disconnect the database). Connections still
 * busy after `timeoutMs` are cut so a stuck request cannot hold the shutdown forever.
 * Resolves true when everything finished in time, false when connections had to be cut.
 */
export function shutDown(server: Server, options: { timeoutMs: number; cleanup: () => Promise<unknown> }): Promise<boolean> {
  return new Promise((resolve) => {
    let inTime = true;
    // Kept-alive connections that sit idle would keep close() waiting: end them now, and end each
    // busy one as soon as its response is sent.
    server.on("request", (_req: IncomingMessage, res: ServerResponse) => res.setHeader("Connection", "close"));
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    const timer = setTimeout(() => {
      inTime = false;
      server.closeAllConnections();
    }, options.timeoutMs);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(timer);
      void options
        .cleanup()
        .catch(() => undefined)
        .finally(() => resolve(inTime));
    });
    server.closeIdleConnections();
  });
}

/**
 * SIGTERM (a service manager, a container stop) and SIGINT (Ctrl-C) shut the server down as
 * shutDown does, then exit 0: a stop that let every request finish is a clean stop.
 */
export function stopOnSignals(server: Server, options: { timeoutMs: number; cleanup: () => Promise<unknown>; log: Logger }): void {
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      options.log.info({ signal }, "shutting down: finishing requests in flight");
      void shutDown(server, options).then((inTime) => {
        if (inTime) options.log.info("shut down");
        else options.log.warn({ timeoutMs: options.timeoutMs }, "shut down: requests still running were cut");
        whenLogWritten(options.log, () => process.exit(0));
      });
    });
  }
}

/**
 * Calls `done` once every line logged so far is written. pino writes through sonic-boom
 * asynchronously, and its flush() does not wait for a write in flight (it calls back at once when
 * no minimum length is set): exiting then wrote the buffered last line synchronously ahead of the
 * one still in flight ("shut down" before "cleanup ran", 5 of 20 runs under load). Ending the
 * stream waits for it; stdout itself stays open. Two seconds at most, so a stuck pipe cannot hold
 * the exit.
 */
function whenLogWritten(log: Logger, done: () => void): void {
  const stream = (log as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] as { end?: () => void; once?: (event: string, listener: () => void) => void } | undefined;
  if (typeof stream?.end !== "function" || typeof stream.once !== "function") return void log.flush(() => done());
  setTimeout(done, 2000);
  stream.once("close", done);
  stream.once("error", done);
  stream.end();
}
