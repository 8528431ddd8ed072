import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { stringify as toYaml } from "yaml";
import { buildBundle, type BuildStats } from "@/lib/quizgen/build";
import type { ContentBundle } from "@/lib/quizgen/schema";
import type { SyncReport } from "@/lib/server/data/content-sync";
import { UploadRefusal, type UploadKind } from "@/lib/uploads/extract";

/** Lessons added from the browser come after the shared library in lesson lists. */
export const UPLOADED_POSITION = 100_000;
const MAX_REJECTED_KEPT = 1000;

export interface UploadInput {
  kind: UploadKind;
  fileName: string;
  bytes: Uint8Array;
  title: string;
  /** "" = detect from the text. */
  language: "" | "en" | "zh";
  source: string;
}

export interface DocumentReport {
  questions: Record<string, number>;
  figures: number;
  checks: BuildStats["checks"];
  rejected: { type: string; stem: string; reasons: string[] }[];
  rejectedTotal: number;
  sync: SyncReport;
}

function lexiconYaml(): string {
  return readFileSync(path.join(/*turbopackIgnore: true*/ process.env.CONTENT_DIR ?? "content", "sectors.yaml"), "utf8");
}

/** Builds the text exactly as content/ would build a file with this front matter (docs/content-format.md). */
export function buildDocument(slug: string, text: string, meta: { title: string; language: "en" | "zh"; source: string }): { bundle: ContentBundle; stats: BuildStats } {
  const frontMatter = toYaml({ slug, title: meta.title, language: meta.language, ...(meta.source ? { source: meta.source } : {}) });
  const result = buildBundle([{ name: `${slug}.md`, text: `---\n${frontMatter}---\n${text}\n` }], lexiconYaml());
  const error = result.bundle.errors[0];
  if (error) throw new UploadRefusal("buildFailed", { message: error.message }, "text");
  return result;
}

export function reportOf(bundle: ContentBundle, stats: BuildStats, sync: SyncReport): DocumentReport {
  const questions: Record<string, number> = {};
  for (const q of bundle.questions) questions[q.type] = (questions[q.type] ?? 0) + 1;
  return {
    questions,
    figures: bundle.figures.length,
    checks: stats.checks,
    rejected: bundle.rejected.slice(0, MAX_REJECTED_KEPT).map((r) => ({ type: r.type, stem: r.stem, reasons: r.reasons })),
    rejectedTotal: bundle.rejected.length,
    sync,
  };
}
