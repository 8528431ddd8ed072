import { randomBytes } from "node:crypto";
import type { WarmUpGate } from "./app-server";
import type { Logger } from "../../lib/logger";
import { LOCALES, LOCALE_COOKIE } from "../../i18n/config";

/**
 * What a fresh process does before it answers anyone (docs/decisions/0046). Its first request on
 * each hot path used to pay for loading the route's bundle, Prisma's first queries and, for a
 * lesson page, the one render that fills the page cache (decisions/0042): half a second and more
 * for the first readers of a class, while the rest waited behind them. So the process asks itself
 * for those paths once, and holds other requests (the app server's gate) until that is done.
 *
 * Signed out on purpose: with public lessons on, the lesson list names the shared library's lessons
 * and a lesson page signed out is the shared page, so its render fills the cache for every reader;
 * with PUBLIC_LESSONS=off both are redirects, which still load the routes (the first reader then
 * makes the entry). The answer endpoints are sent a
 * well-formed answer without a session: they load, parse and refuse it (401), touching no data.
 */
const HEADER = "x-app-warm-up";
/** lib/server/lesson-shell.ts's SHELL_HEADER (that module is for the app's bundles only). */
const SHELL_HEADER = "x-lesson-shell";
/** Lessons rendered ahead, in each interface language (most deployments have a handful). */
const MAX_LESSONS = 20;

export interface WarmUp {
  gate: WarmUpGate;
  /** Runs the warm-up once the server listens; the gate opens when it ends, whatever happened. */
  run: (origin: string) => Promise<void>;
}

/** The lesson pages a lesson list links to, in its order. */
export function linkedLessons(html: string): string[] {
  return [...new Set([...html.matchAll(/href="\/lessons\/([^"/?#]+)"/g)].map((m) => m[1]))];
}

export function createWarmUp(log: Logger): WarmUp {
  const token = randomBytes(16).toString("base64url");
  let open!: () => void;
  const ready = new Promise<void>((resolve) => (open = resolve));
  return {
    // The page cache's own render (the shell header, decisions/0042), which the warm-up's lesson
    // requests cause, passes too; the route checks that header's token itself, so a client sending
    // one only skips the wait.
    gate: { ready, passes: (req) => req.headers[HEADER] === token || req.headers[SHELL_HEADER] !== undefined },
    async run(origin) {
      const started = Date.now();
      try {
        const headers = { [HEADER]: token, "accept-encoding": "gzip" };
        const list = await fetch(`${origin}/lessons`, { headers, redirect: "manual", signal: AbortSignal.timeout(60_000) });
        const slugs = linkedLessons(await list.text()).slice(0, MAX_LESSONS).map(decodeURIComponent);
        const answer = JSON.stringify({ attemptId: "warm-up", questionId: "warm-up", answer: { kind: "bool", value: true }, timeTakenMs: 0 });
        const post = { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: answer };
        const requests: [string, RequestInit][] = [
          ["/api/health", { headers }],
          ["/robots.txt", { headers }],
          ...slugs.flatMap((slug) => LOCALES.map((locale): [string, RequestInit] => [`/lessons/${encodeURIComponent(slug)}`, { headers: { ...headers, cookie: `${LOCALE_COOKIE}=${locale}` } }])),
          ...(slugs[0] ? [[`/api/reader?lesson=${encodeURIComponent(slugs[0])}`, { headers }] as [string, RequestInit]] : []),
          ["/api/quiz/answers", post],
          ["/api/review/answers", post],
        ];
        // One at a time: the process has nothing else to do yet, and renders in parallel only compete.
        for (const [path, init] of requests) {
          const response = await fetch(`${origin}${path}`, { ...init, redirect: "manual", signal: AbortSignal.timeout(60_000) });
          await response.arrayBuffer();
        }
        log.info({ ms: Date.now() - started, lessons: slugs.length }, "warmed up");
      } catch (error) {
        log.warn({ err: error, ms: Date.now() - started }, "warm-up incomplete; serving anyway");
      } finally {
        open();
      }
    },
  };
}
