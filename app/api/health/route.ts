import path from "node:path";
import { connection } from "next/server";
import { db } from "@/lib/server/db";
import { prismaPaths, resolveDatabase } from "@/lib/database-url";
import { checkHealth } from "@/lib/server/health";

/**
 * For a load balancer or a monitor, without signing in: 200 when the database answers, every
 * migration is applied and content is synced; 503 naming the failing parts otherwise.
 */
export async function GET() {
  await connection();
  const migrations = path.resolve(/*turbopackIgnore: true*/ process.cwd(), prismaPaths(resolveDatabase().provider).migrations);
  const report = await checkHealth(db(), migrations);
  return Response.json(report, { status: report.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
