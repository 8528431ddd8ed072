// Runs one claimed upload job (lib/server/upload-worker.ts starts it in a child process, so that
// generating a large document does not stall the server's requests):
//   tsx --conditions=react-server scripts/upload-job.ts <jobId> <claimToken>
// The job records its own stages, result or failure; exit 1 only when that could not be done.
import { runJob } from "@/lib/server/data/upload-jobs";
import { disconnectDb } from "@/lib/db-global";

const [id, token] = process.argv.slice(2);
if (!id || !token) {
  console.error("usage: scripts/upload-job.ts <jobId> <claimToken>");
  process.exit(2);
}
try {
  await runJob({ id, token });
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await disconnectDb();
}
