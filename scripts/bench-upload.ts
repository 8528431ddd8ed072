// npm run bench:upload: a 10 KB and a 1 MB PDF through the background build (decisions/0041), as
// the upload page runs it: the upload request (checks, storing the original, queueing the job),
// then the worker's child process (reading the PDF, generating, storing in one transaction), then
// the preview page's query. Reports the upload response time, the time to done, the job's own
// stage timings, and time per KB of the 1 MB against the 10 KB one; the 1 MB twice, the second time
// with the build process already warm, then once more with a new process started 2 s before the
// upload (as choosing the file starts it, decisions/0054). Prints figures; asserts nothing.
// The PDFs are generated (pdf-lib) from generated English text; the database is a fresh SQLite one,
// or with BENCH_DATABASE=postgresql a fresh database on the server TEST_DATABASE_URL names.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const { createTestDatabase } = await import("../tests/support/test-database");
const provider = process.env.BENCH_DATABASE === "postgresql" ? "postgresql" : "sqlite";
const database = await createTestDatabase(provider);
process.env.DATABASE_URL = database.url;
process.env.UPLOADS_DIR = mkdtempSync(path.join(os.tmpdir(), "bench-uploads-"));
process.env.UPLOAD_MAX_TOTAL_BYTES = String(1024 * 1024 * 1024);
try {
  const { syntheticDocument } = await import("./lib/synthetic-document");
  const { pdfOf } = await import("../tests/support/upload-files");
  const { createAccount } = await import("@/lib/server/data/users");
  const { getDocumentPreview } = await import("@/lib/server/data/documents");
  const { enqueueUpload } = await import("@/lib/server/data/upload-jobs");
  const { prepareForUpload, startUploadWorker } = await import("@/lib/server/upload-worker");
  const { stopUploadChildren } = await import("@/lib/server/upload-child");
  const { db } = await import("@/lib/server/db");
  const teacher = await createAccount({ name: "Bench", email: "bench-upload@example.com", password: "long-enough-pw", role: "INSTRUCTOR" });
  const worker = startUploadWorker();

  /** A PDF of at least `target` bytes, from generated text (grown until the file is big enough). */
  async function pdfOfSize(target: number, seed: string): Promise<Uint8Array> {
    let textBytes = Math.round(target * 0.6);
    for (;;) {
      const body = syntheticDocument("en", textBytes, seed).text.replace(/^---\n[\s\S]*?\n---\n/, "");
      const pdf = await pdfOf(body);
      if (pdf.byteLength >= target) return pdf;
      textBytes = Math.round(textBytes * (target / pdf.byteLength) * 1.02);
    }
  }

  async function measure(bytes: Uint8Array, seed: string) {
    const start = performance.now();
    const { jobId } = await enqueueUpload(teacher, { kind: "pdf", fileName: `${seed}.pdf`, bytes, title: "", language: "", source: "" });
    const response = performance.now() - start;
    worker.kick();
    for (;;) {
      const job = await db().uploadJob.findUniqueOrThrow({ where: { id: jobId } });
      if (job.status === "done" || job.status === "failed") {
        const done = performance.now() - start;
        if (job.status === "failed") throw new Error(`${seed}: ${job.error}`);
        const previewStart = performance.now();
        const preview = await getDocumentPreview(teacher, job.documentId!);
        const previewMs = performance.now() - previewStart;
        return { response, done, previewMs, timings: JSON.parse(job.timings) as Record<string, number>, textKb: (job.textBytes ?? 0) / 1024, questions: preview.questionCount, shown: preview.types.reduce((n, t) => n + t.questions.length, 0) };
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const small = await pdfOfSize(10 * 1024, "small");
  const large = await pdfOfSize(1024 * 1024, "large");
  await measure(await pdfOfSize(10 * 1024, "warm"), "warm");
  const s = await measure(small, "small");
  const l = await measure(large, "large");
  // Again, with the build process already running (it is kept warm between jobs, decisions/0047).
  const w = await measure(large, "large-warm");
  // A teacher chooses the file, then fills in the form: choosing it starts the build process
  // (decisions/0054). Two seconds stand for filling in the title, language and source.
  stopUploadChildren();
  prepareForUpload(large.byteLength);
  await new Promise((r) => setTimeout(r, 2000));
  const p = await measure(large, "large-prepared");
  worker.stop();
  const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const line = (label: string, bytes: Uint8Array, r: typeof s) => {
    const rest = r.done - r.response - r.timings.reading - r.timings.generating - r.timings.storing;
    console.log(`  ${label}: ${(bytes.byteLength / 1024).toFixed(0)} KB PDF, ${r.textKb.toFixed(0)} KB text, ${r.questions} questions (preview lists ${r.shown})`);
    console.log(`    upload response ${r.response.toFixed(0)} ms · done after ${sec(r.done)} · preview query ${r.previewMs.toFixed(0)} ms`);
    console.log(`    stages: reading ${sec(r.timings.reading)} (${((100 * r.timings.reading) / r.done).toFixed(0)}%) · generating ${sec(r.timings.generating)} (${((100 * r.timings.generating) / r.done).toFixed(0)}%) · storing ${sec(r.timings.storing)} (${((100 * r.timings.storing) / r.done).toFixed(0)}%) · waiting and process start ${sec(rest)}`);
  };
  console.log(`Upload → background build → preview, ${provider === "sqlite" ? "SQLite" : "PostgreSQL"}`);
  line("10 KB", small, s);
  line("1 MB", large, l);
  line("1 MB again, warm build process", large, w);
  line("1 MB, build process started when the file was chosen (2 s before the upload)", large, p);
  const perKb = (r: typeof s, bytes: Uint8Array) => r.done / (bytes.byteLength / 1024);
  console.log(`  time to done per KB, 1 MB against 10 KB: ${(perKb(l, large) / perKb(s, small)).toFixed(2)}×; generating per KB of text: ${(l.timings.generating / l.textKb / (s.timings.generating / s.textKb)).toFixed(2)}×; storing per question: ${(l.timings.storing / l.questions / (s.timings.storing / s.questions)).toFixed(2)}×`);
  console.log(`  upload response, 1 MB against 10 KB: ${(l.response / s.response).toFixed(2)}×`);
} finally {
  await database.drop();
}
