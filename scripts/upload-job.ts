// The build phase of one claimed upload job (reading and generating), in a child process of the
// server (lib/server/upload-worker.ts), so that generating a large document does not stall the
// server's requests:
//   tsx --conditions=react-server scripts/upload-job.ts <jobId> <claimToken> <out.json>
// Writes what the store phase needs to <out.json>; a failed build records its message on the job
// and writes nothing. Exit 1 only when even that could not be done.
import { writeFileSync } from "node:fs";
import { buildJob } from "@/lib/server/data/upload-jobs";
import { disconnectDb } from "@/lib/db-global";

const [id, token, out] = process.argv.slice(2);
if (!id || !token || !out) {
  console.error("usage: scripts/upload-job.ts <jobId> <claimToken> <out.json>");
  process.exit(2);
}
try {
  const prepared = await buildJob({ id, token });
  if (prepared) writeFileSync(out, JSON.stringify(prepared));
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await disconnectDb();
}
