// Runs once when a server process starts (Next's instrumentation hook): the background builder of
// uploaded documents starts here, so jobs queued before a restart are picked up without waiting
// for a request (decisions/0041).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startUploadWorker } = await import("@/lib/server/upload-worker");
  startUploadWorker();
}
