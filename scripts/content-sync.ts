// npm run content:sync: builds content/ and brings the database in line with it (run by npm start).
// Lessons and questions are upserted by stable id; questions no longer generated are retired, never
// deleted; a document that failed to build keeps what it had.
import { DEFAULT_BUNDLE, DEFAULT_CONTENT_DIR, buildContentDir, writeContentBundle } from "./lib/content-files";
import { bundleToSyncInput } from "./lib/bundle-to-sync";
import { syncContent } from "@/lib/server/data/content-sync";

const { bundle } = buildContentDir(process.env.CONTENT_DIR ?? DEFAULT_CONTENT_DIR);
writeContentBundle(DEFAULT_BUNDLE, bundle);
for (const e of bundle.errors) console.error(`  ✗ content/${e.file}: ${e.message} (its lesson and questions are left as they were)`);
const report = await syncContent(bundleToSyncInput(bundle));
const l = report.lessons;
const q = report.questions;
console.log(`  lessons: ${l.created} new, ${l.updated} changed, ${l.unchanged} unchanged, ${l.retired} retired`);
console.log(`  questions: ${q.created} new, ${q.updated} changed, ${q.unchanged} unchanged, ${q.retired} retired, ${q.restored} restored`);
