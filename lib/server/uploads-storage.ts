import "server-only";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DATA_DIR } from "@/lib/database-url";

/**
 * Where uploaded originals are kept (decisions/0033): UPLOADS_DIR when set (PostgreSQL deployments
 * point it at a persistent volume), otherwise `uploads/` beside the embedded database (.data/uploads).
 */
export function uploadsDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.UPLOADS_DIR ?? path.join(DATA_DIR, "uploads"));
}

/** Per-instructor limits, documented in README; the environment may lower or raise them. */
export function uploadLimits(): { maxDocuments: number; maxTotalBytes: number } {
  const n = (name: string, fallback: number) => {
    const v = Number(process.env[name]);
    return Number.isFinite(v) && v > 0 ? v : fallback;
  };
  return { maxDocuments: n("UPLOAD_MAX_DOCUMENTS", 50), maxTotalBytes: n("UPLOAD_MAX_TOTAL_BYTES", 200 * 1024 * 1024) };
}

/** Writes an original under the uploads folder; returns its name there (owner/slug-time.ext). */
export function storeOriginal(ownerId: string, slug: string, ext: string, bytes: Uint8Array): string {
  const name = path.join(ownerId.replace(/[^a-zA-Z0-9_-]/g, ""), `${slug}-${Date.now()}.${ext}`);
  const file = path.join(uploadsDir(), name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, bytes, { flag: "wx" });
  return name;
}

export function removeOriginal(storedName: string): void {
  rmSync(path.join(uploadsDir(), storedName), { force: true });
}

/** The stored original's bytes (the background build reads the file the request stored). */
export function readOriginal(storedName: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(uploadsDir(), storedName)));
}
