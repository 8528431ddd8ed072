import { expect, test } from "./fixtures";

test("GET /api/health answers signed out: database, migrations and content version, nothing else", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toContain("no-store");
  expect(response.headers()["set-cookie"]).toBeUndefined();
  const report = (await response.json()) as {
    ok: boolean;
    failing: string[];
    database: { ok: boolean };
    migrations: { ok: boolean; expected: number; applied: number; pending: string[] };
    content: { ok: boolean; version: string; lessons: number; questions: number; syncedAt: string };
  };
  expect(Object.keys(report).sort()).toEqual(["content", "database", "failing", "migrations", "ok"]);
  expect(report.ok).toBe(true);
  expect(report.failing).toEqual([]);
  expect(report.database).toEqual({ ok: true });
  expect(report.migrations.pending).toEqual([]);
  expect(report.migrations.applied).toBe(report.migrations.expected);
  expect(report.migrations.expected).toBeGreaterThan(0);
  expect(report.content.version).toMatch(/^[0-9a-f]{16}$/);
  expect(report.content.lessons).toBeGreaterThan(0);
  expect(report.content.questions).toBeGreaterThan(0);
  // Two requests, one content version: it is read from the database, not made up per request.
  const again = (await (await request.get("/api/health")).json()) as typeof report;
  expect(again.content.version).toBe(report.content.version);
});
