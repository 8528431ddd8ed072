// The build phase of claimed upload jobs (reading and generating), in a child process of the server
// (lib/server/upload-child.ts), so that generating a large document does not stall the server's
// requests. Started once and kept warm between jobs (decisions/0047):
//   node --import tsx --conditions=react-server scripts/upload-job.ts   (with an IPC channel)
// Each message { id, token, out } builds that job, then answers { id, ok }. On PostgreSQL it also
// stores the result (lesson, questions, document row and the job's `done` in one transaction, the
// claim checked in it): the server only hears that it is done (decisions/0051). On SQLite it writes
// what the store phase needs to `out` and the server stores it (one writer, decisions/0041). A
// failed build records its message on the job and writes nothing. ok: false only when even
// recording the failure could not be done. Exits when the server closes the channel (idle, or the
// server stopped).
import { writeFileSync } from "node:fs";
import { buildJob, storeJob } from "@/lib/server/data/upload-jobs";
import { disconnectDb } from "@/lib/db-global";
import { resolveDatabase } from "@/lib/database-url";

interface BuildRequest {
  id: string;
  token: string;
  out: string;
}

if (!process.send) {
  console.error("scripts/upload-job.ts is started by the upload worker, with an IPC channel");
  process.exit(2);
}

let queue = Promise.resolve();
process.on("message", (request: BuildRequest) => {
  queue = queue.then(async () => {
    let ok = true;
    try {
      const claim = { id: request.id, token: request.token };
      const prepared = await buildJob(claim);
      if (prepared && resolveDatabase().provider === "postgresql") await storeJob(claim, prepared);
      else if (prepared) writeFileSync(request.out, JSON.stringify(prepared));
    } catch (error) {
      console.error(error);
      ok = false;
    } finally {
      // No connection is held while the process waits for the next job.
      await disconnectDb().catch(() => undefined);
    }
    process.send!({ id: request.id, ok });
  });
});
process.on("disconnect", () => void queue.finally(() => process.exit(0)));
process.send({ ready: true });
