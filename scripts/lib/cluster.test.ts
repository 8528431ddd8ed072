import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HAPROXY_MISSING, SQLITE_REFUSAL, clusterRefusal, findHaproxy, haproxyConfig, requestedInstances } from "./cluster";

describe("requestedInstances", () => {
  it("reads --instances N, --instances=N or INSTANCES, the flag first; null when not asked", () => {
    expect(requestedInstances([], {})).toBeNull();
    expect(requestedInstances(["--instances", "1"], {})).toBe(1);
    expect(requestedInstances([], { INSTANCES: "3" })).toBe(3);
    expect(requestedInstances(["--instances", "2"], { INSTANCES: "3" })).toBe(2);
    expect(requestedInstances(["--instances=4"], {})).toBe(4);
    expect(requestedInstances(["--dev"], { INSTANCES: "" })).toBeNull();
  });

  it("refuses what is not a small whole number, naming it", () => {
    for (const bad of ["0", "-1", "1.5", "two", "33"]) expect(() => requestedInstances(["--instances", bad], {})).toThrow(`not "${bad}"`);
    expect(requestedInstances(["--instances"], {})).toBeNull(); // no value: not asked
  });
});

describe("clusterRefusal", () => {
  it("refuses SQLite (one writer) before anything else, then a missing haproxy", () => {
    expect(clusterRefusal("sqlite", "/usr/sbin/haproxy")).toBe(SQLITE_REFUSAL);
    expect(clusterRefusal("sqlite", null)).toBe(SQLITE_REFUSAL);
    expect(clusterRefusal("postgresql", null)).toBe(HAPROXY_MISSING);
    expect(clusterRefusal("postgresql", "/usr/sbin/haproxy")).toBeNull();
  });
});

describe("findHaproxy", () => {
  it("takes HAPROXY_PATH when it exists, and says null rather than guess when it does not", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "haproxy-"));
    try {
      const fake = path.join(dir, "haproxy");
      writeFileSync(fake, "");
      expect(findHaproxy({ HAPROXY_PATH: fake })).toBe(fake);
      expect(findHaproxy({ HAPROXY_PATH: path.join(dir, "missing") })).toBeNull();
      expect(findHaproxy({ PATH: dir })).toBe(fake);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("haproxyConfig", () => {
  const config = haproxyConfig({ port: 4000, backends: [{ name: "app1", port: 4001 }, { name: "app2", port: 4002 }], hardStopAfterMs: 15_000 });

  it("balances over every app process on 127.0.0.1, checks GET /api/health and forwards the client address", () => {
    expect(config).toContain("bind :4000");
    expect(config).toContain("server app1 127.0.0.1:4001 check");
    expect(config).toContain("server app2 127.0.0.1:4002 check");
    expect(config).toContain("http-check send meth GET uri /api/health");
    expect(config).toContain("http-check expect status 200");
    expect(config).toMatch(/^\s*option forwardfor$/m);
    expect(config).toContain("hard-stop-after 15s");
  });

  it("is a configuration the installed haproxy accepts", () => {
    const haproxy = findHaproxy();
    if (!haproxy) throw new Error("haproxy is not installed (apt-get install haproxy; .ci/run installs it)");
    const dir = mkdtempSync(path.join(tmpdir(), "haproxy-"));
    try {
      const file = path.join(dir, "haproxy.cfg");
      writeFileSync(file, config);
      const check = spawnSync(haproxy, ["-c", "-f", file], { encoding: "utf8" });
      expect(`${check.stdout}${check.stderr}`).not.toMatch(/\[(WARNING|ALERT)\]/);
      expect(check.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
