// npm run bench:instructor: server time of the instructor's class overview, question statistics and
// source heatmap on the seed:load data set (1,000 students, 20 classes), on SQLite and on PostgreSQL
// (when TEST_DATABASE_URL=postgresql://… names a server). Each provider runs in its own process on a
// fresh database. Prints medians of 5 runs and the query plans of the main queries; asserts nothing.
import { spawnSync } from "node:child_process";
import path from "node:path";

const provider = process.argv[2];
if (!provider) {
  const providers = ["sqlite", ...(/^postgres(ql)?:\/\//.test(process.env.TEST_DATABASE_URL ?? "") ? ["postgresql"] : [])];
  for (const p of providers) {
    const r = spawnSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/bench-instructor.ts", p], { stdio: "inherit" });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  if (providers.length === 1) console.log("\n(PostgreSQL skipped: set TEST_DATABASE_URL=postgresql://… to include it)");
  process.exit(0);
}

const { createTestDatabase } = await import("../tests/support/test-database");
const database = await createTestDatabase(provider as "sqlite" | "postgresql");
process.env.DATABASE_URL = database.url;
try {
  const { buildContentDir } = await import("./lib/content-files");
  const { bundleToSyncInput } = await import("./lib/bundle-to-sync");
  const { syncContent } = await import("@/lib/server/data/content-sync");
  const { loadDataSet } = await import("./lib/load-data");
  const { getClassOverview } = await import("@/lib/server/data/class-progress");
  const { getQuestionStatistics, getSourceHeatmap } = await import("@/lib/server/data/question-stats");
  const { db } = await import("@/lib/server/db");
  const { studentAnswersSql } = await import("@/lib/server/data/student-answers-query");

  await syncContent(bundleToSyncInput(buildContentDir("content").bundle));
  const loadStart = performance.now();
  const classIds = await loadDataSet();
  console.log(`\n${provider}: loaded ${await db().response.count()} answers of ${await db().user.count({ where: { role: "STUDENT" } })} students in ${classIds.length} classes (${Math.round((performance.now() - loadStart) / 1000)} s)`);

  const viewer = { id: "bench-admin", email: "admin@example.com", name: "Bench", role: "ADMIN" as const };
  const lesson = (await db().lesson.findFirstOrThrow({ where: { language: "zh" }, select: { slug: true } })).slug;
  const median = async (fn: () => Promise<unknown>) => {
    await fn(); // warm
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await fn();
      times.push(performance.now() - t);
    }
    return times.sort((a, b) => a - b)[2];
  };
  const classId = classIds[7];
  const rows = [
    ["class overview (50 students × 5 assignments)", await median(() => getClassOverview(viewer, classId))],
    ["question statistics, one class", await median(() => getQuestionStatistics(viewer, { classId }))],
    ["question statistics, all students (recalculated)", await median(() => getQuestionStatistics(viewer, { recalculate: true }))],
    ["question statistics, all students (snapshot ≤ 10 min)", await median(() => getQuestionStatistics(viewer))],
    [`source heatmap (${lesson})`, await median(() => getSourceHeatmap(viewer, classId, lesson))],
  ] as const;
  for (const [name, ms] of rows) console.log(`  ${name.padEnd(52)} ${ms.toFixed(1).padStart(7)} ms${ms > 300 ? "  (over the 300 ms goal)" : ""}`);

  // Query plans of the queries these pages rest on: they must use indexes, not scan.
  const studentIds = (await db().enrollment.findMany({ where: { classId }, select: { userId: true } })).map((e) => e.userId);
  const inList = studentIds.map((id) => `'${id}'`).join(",");
  const queries = [
    ["attempts of a class's students", `SELECT "userId", "scope", "scopeId", "score" FROM "Attempt" WHERE "userId" IN (${inList}) AND "scope" = 'lesson'`],
    ["answers of a class's students", `SELECT r."questionId", r."correct" FROM "Response" r JOIN "Attempt" a ON a.id = r."attemptId" WHERE a."userId" IN (${inList})`],
    ["enrollments of a class", `SELECT "userId" FROM "Enrollment" WHERE "classId" = '${classId}'`],
  ];
  // The question statistics query, with its parameters bound as the app binds them.
  const statistics = (scope: { classId?: string }) => {
    const sql = studentAnswersSql(scope);
    return [provider === "sqlite" ? sql.sql : sql.text, sql.values] as const;
  };
  const parameterized: (readonly [string, readonly [string, readonly unknown[]]])[] = [
    ["question statistics, one class", statistics({ classId })],
    ["question statistics, all students", statistics({})],
  ];
  console.log("  query plans:");
  for (const [name, [sql, values]] of [...queries.map(([n, q]) => [n, [q, []]] as const), ...parameterized]) {
    const plan = (await db().$queryRawUnsafe(provider === "sqlite" ? `EXPLAIN QUERY PLAN ${sql}` : `EXPLAIN ${sql}`, ...values)) as Record<string, unknown>[];
    const text = plan.map((r) => String(r.detail ?? r["QUERY PLAN"] ?? JSON.stringify(r))).join(" | ");
    console.log(`    ${name}: ${text.slice(0, 400)}`);
  }
  await db().$disconnect();
} finally {
  await database.drop();
}
