// npm run bench:upload: upload-to-preview time for a 1 MB PDF (issue 15): reading the PDF (unpdf),
// building the lesson and its questions, storing the original and syncing it into a fresh SQLite
// database, then reading the preview, as the upload action does. Against a 10 KB PDF: time per KB.
// Prints figures; asserts nothing. The PDFs are generated (pdf-lib) from generated English text.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const { createTestDatabase } = await import("../tests/support/test-database");
const database = await createTestDatabase("sqlite");
process.env.DATABASE_URL = database.url;
process.env.UPLOADS_DIR = mkdtempSync(path.join(os.tmpdir(), "bench-uploads-"));
process.env.UPLOAD_MAX_TOTAL_BYTES = String(1024 * 1024 * 1024);
try {
  const { syntheticDocument } = await import("./lib/synthetic-document");
  const { pdfOf } = await import("../tests/support/upload-files");
  const { createAccount } = await import("@/lib/server/data/users");
  const { addDocument, getDocumentPreview } = await import("@/lib/server/data/documents");
  const { extractUpload } = await import("@/lib/uploads/extract");
  const teacher = await createAccount({ name: "Bench", email: "bench-upload@example.com", password: "long-enough-pw", role: "INSTRUCTOR" });

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
    const text = await extractUpload({ kind: "pdf", fileName: `${seed}.pdf`, bytes });
    const extracted = performance.now() - start;
    const { id } = await addDocument(teacher, { kind: "pdf", fileName: `${seed}.pdf`, bytes, title: "", language: "", source: "" });
    const preview = await getDocumentPreview(teacher, id);
    const total = performance.now() - start - extracted; // addDocument reads the PDF again itself
    return { ms: total, readMs: extracted, textKb: Buffer.byteLength(text) / 1024, questions: preview.questions.length };
  }

  const small = await pdfOfSize(10 * 1024, "small");
  const large = await pdfOfSize(1024 * 1024, "large");
  await measure(await pdfOfSize(10 * 1024, "warm"), "warm");
  const s = await measure(small, "small");
  const l = await measure(large, "large");
  const perKb = (r: typeof s, bytes: number) => r.ms / (bytes / 1024);
  console.log("Upload to preview (read PDF, build, store, sync, read preview), SQLite");
  console.log(`  ${(small.byteLength / 1024).toFixed(0)} KB PDF (${s.textKb.toFixed(0)} KB text, ${s.questions} questions): ${s.ms.toFixed(0)} ms (reading the PDF alone ${s.readMs.toFixed(0)} ms)`);
  console.log(`  ${(large.byteLength / 1048576).toFixed(2)} MB PDF (${l.textKb.toFixed(0)} KB text, ${l.questions} questions): ${(l.ms / 1000).toFixed(1)} s (reading the PDF alone ${(l.readMs / 1000).toFixed(1)} s)`);
  console.log(`  time per KB, 1 MB against 10 KB: ${(perKb(l, large.byteLength) / perKb(s, small.byteLength)).toFixed(2)}×`);
} finally {
  await database.drop();
}
