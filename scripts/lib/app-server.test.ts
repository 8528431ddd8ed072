import { spawn } from "node:child_process";
import { request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { gzipSync } from "node:zlib";
import { createAppServer, loggedPath, PRECOMPRESSED_HEADER, shutDown } from "./app-server";

/** A logger writing its JSON lines into an array. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, log: pino({ base: undefined }, stream) };
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

const servers: Server[] = [];
afterEach(() =>
  servers.splice(0).forEach((s) => {
    s.closeAllConnections();
    s.close();
  }),
);

describe("app server", () => {
  it("logs paths without query strings or database ids", () => {
    expect(loggedPath("/instructor/classes/cmx69u7ao008z1l7d8883zqai/students/cmx6a0000001l7d8883zqab?tab=1")).toBe("/instructor/classes/:id/students/:id");
    expect(loggedPath("/lessons/chip-exports-2023?x=1")).toBe("/lessons/chip-exports-2023");
    expect(loggedPath(undefined)).toBe("/");
  });

  it("logs one JSON line per request: method, path without query, status, duration; no cookies", async () => {
    const { lines, log } = capture();
    const server = createAppServer(
      (req, res) => {
        res.statusCode = req.url?.startsWith("/missing") ? 404 : req.url?.startsWith("/broken") ? 500 : 200;
        res.end(req.headers["x-forwarded-for"]);
      },
      { hops: 0, log },
    );
    servers.push(server);
    const port = await listen(server);
    const ok = await get(port, "/lessons/solar?token=abc123", { cookie: "next-auth.session-token=secret-jwt", "x-forwarded-for": "6.6.6.6" });
    expect(ok).toEqual({ status: 200, body: "127.0.0.1" });
    await get(port, "/missing");
    await get(port, "/broken");
    await new Promise((r) => setTimeout(r, 20));

    expect(lines.map((l) => [l.level, l.method, l.path, l.status])).toEqual([
      [30, "GET", "/lessons/solar", 200],
      [40, "GET", "/missing", 404],
      [50, "GET", "/broken", 500],
    ]);
    expect(typeof lines[0].ms).toBe("number");
    const text = JSON.stringify(lines);
    expect(text).not.toMatch(/abc123|secret-jwt|cookie|token|stack/);
  });

  it("sends a body the handler compressed itself with its Content-Encoding, and not the private header", async () => {
    const { log } = capture();
    const body = gzipSync("already compressed");
    const server = createAppServer(
      (_req, res) => {
        res.setHeader(PRECOMPRESSED_HEADER, "gzip");
        res.end(body);
      },
      { hops: 0, log },
    );
    servers.push(server);
    const port = await listen(server);
    const reply = await fetch(`http://127.0.0.1:${port}/x`);
    expect(reply.headers.get("content-encoding")).toBe("gzip");
    expect(reply.headers.get(PRECOMPRESSED_HEADER)).toBeNull();
    expect(await reply.text()).toBe("already compressed");
  });

  it("sends a lesson page opened as a document straight to its route, logged under the path asked for", async () => {
    const { lines, log } = capture();
    const server = createAppServer((req, res) => res.end(req.url), { hops: 0, log });
    servers.push(server);
    const port = await listen(server);
    expect((await get(port, "/lessons/chip-exports")).body).toBe("/api/lesson-document/chip-exports");
    expect((await get(port, "/lessons/chip-exports", { rsc: "1" })).body).toBe("/lessons/chip-exports");
    expect((await get(port, "/lessons/chip-exports?x=1")).body).toBe("/lessons/chip-exports?x=1");
    expect(lines.map((l) => l.path)).toEqual(["/lessons/chip-exports", "/lessons/chip-exports", "/lessons/chip-exports"]);
  });

  it("lets the page cache answer first (after the warm-up), and passes what it declines to the handler, rewritten as before", async () => {
    const { lines, log } = capture();
    let open!: () => void;
    const ready = new Promise<void>((resolve) => (open = resolve));
    const handled: string[] = [];
    const asked: string[] = [];
    const server = createAppServer(
      (req, res) => {
        handled.push(req.url!);
        res.end("next");
      },
      {
        hops: 0,
        log,
        warmUp: { ready, passes: () => false },
        answer: async (req, res) => {
          asked.push(req.url!);
          if (req.url === "/lessons/failing") throw new Error("not answered");
          if (req.url !== "/lessons/cached") return false;
          res.end("cached");
          return true;
        },
      },
    );
    servers.push(server);
    const port = await listen(server);
    const waiting = get(port, "/lessons/cached");
    await new Promise((r) => setTimeout(r, 50));
    expect(asked).toEqual([]); // held by the warm-up like everything else
    open();
    expect(await waiting).toEqual({ status: 200, body: "cached" });
    expect(await get(port, "/lessons/other")).toEqual({ status: 200, body: "next" });
    expect(await get(port, "/lessons/failing")).toEqual({ status: 200, body: "next" });
    expect(handled).toEqual(["/api/lesson-document/other", "/api/lesson-document/failing"]);
    expect(asked).toEqual(["/lessons/cached", "/lessons/other", "/lessons/failing"]);
    expect(lines.map((l) => [l.path, l.status])).toEqual([
      ["/lessons/cached", 200],
      ["/lessons/other", 200],
      ["/lessons/failing", 200],
    ]);
  });

  it("holds requests until the warm-up is done, lets the warm-up's own through, and does not log those", async () => {
    const { lines, log } = capture();
    let open!: () => void;
    const ready = new Promise<void>((resolve) => (open = resolve));
    const handled: string[] = [];
    const server = createAppServer(
      (req, res) => {
        handled.push(req.url!);
        res.end();
      },
      { hops: 0, log, warmUp: { ready, passes: (req) => req.headers["x-own"] === "1" } },
    );
    servers.push(server);
    const port = await listen(server);
    const waiting = get(port, "/client");
    await get(port, "/own", { "x-own": "1" });
    expect(handled).toEqual(["/own"]);
    open();
    expect((await waiting).status).toBe(200);
    expect(handled).toEqual(["/own", "/client"]);
    expect(lines.map((l) => l.path)).toEqual(["/client"]);
  });

  it("on shutdown stops taking connections, finishes the request in flight, then cleans up", async () => {
    const { log } = capture();
    const events: string[] = [];
    const server = createAppServer(
      (_req, res) => {
        events.push("started");
        setTimeout(() => {
          events.push("answered");
          res.end("graded");
        }, 300);
      },
      { hops: 0, log },
    );
    servers.push(server);
    const port = await listen(server);
    const slow = get(port, "/api/quiz/answers");
    await new Promise((r) => setTimeout(r, 50));
    const stopped = shutDown(server, { timeoutMs: 5_000, cleanup: async () => events.push("cleaned up") });

    await expect(get(port, "/late")).rejects.toThrow(/ECONNREFUSED/);
    expect(await slow).toEqual({ status: 200, body: "graded" });
    expect(await stopped).toBe(true);
    expect(events).toEqual(["started", "answered", "cleaned up"]);
  });

  it("cuts a request that outlives the timeout, and still cleans up", async () => {
    const { log } = capture();
    let cleaned = false;
    const server = createAppServer(() => undefined, { hops: 0, log });
    servers.push(server);
    const port = await listen(server);
    const stuck = get(port, "/stuck");
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    const inTime = await shutDown(server, { timeoutMs: 200, cleanup: async () => (cleaned = true) });
    expect(inTime).toBe(false);
    expect(cleaned).toBe(true);
    expect(Date.now() - started).toBeLessThan(2_000);
    await expect(stuck).rejects.toThrow(/socket hang up|ECONNRESET/);
  });

  it("a real SIGTERM mid-request: the answer is sent, cleanup runs, the process exits 0", async () => {
    const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "tests/support/slow-server.ts"], { env: { ...process.env, SLOW_MS: "500" } });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      const port = await new Promise<number>((resolve, reject) => {
        const poll = setInterval(() => {
          const m = /port (\d+)/.exec(out);
          if (m) resolve(Number(m[1]));
        }, 20);
        child.once("exit", () => reject(new Error(`server exited early: ${out}`)));
        exited.finally(() => clearInterval(poll));
        setTimeout(() => clearInterval(poll), 15_000);
      });
      const answer = get(port, "/api/quiz/answers");
      // Signal only once the server is handling the request: on a loaded machine a fixed delay can fire first.
      await new Promise<void>((resolve) => {
        const poll = setInterval(() => {
          if (out.includes("handling")) {
            clearInterval(poll);
            resolve();
          }
        }, 10);
      });
      child.kill("SIGTERM");
      expect(await answer).toEqual({ status: 200, body: "graded" });
      expect(await exited).toBe(0);
      const logged = out.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as { msg: string; path?: string });
      expect(logged.map((l) => l.msg)).toEqual(["shutting down: finishing requests in flight", "request", "cleanup ran", "shut down"]);
    } finally {
      child.kill("SIGKILL");
    }
  }, 20_000);
});
