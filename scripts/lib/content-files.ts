import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildBundle, type BuildStats, type SourceFile } from "@/lib/quizgen/build";
import { contentBundleSchema, type ContentBundle } from "@/lib/quizgen/schema";
import { pushAll } from "@/lib/arrays";

export const DEFAULT_CONTENT_DIR = "content";
export const DEFAULT_BUNDLE = path.join(process.env.APP_DATA_DIR ?? ".data", "content.json");

/** The documents of a content folder (.md and .txt) and its sector lexicon (sectors.yaml). */
export function readContentDir(dir: string): { files: SourceFile[]; lexicon: string; unreadable: { file: string; message: string }[] } {
  const names = readdirSync(dir).filter((n) => /\.(md|txt)$/i.test(n)).sort();
  const files: SourceFile[] = [];
  const unreadable: { file: string; message: string }[] = [];
  for (const name of names) {
    const bytes = readFileSync(path.join(dir, name));
    try {
      files.push({ name, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) });
    } catch {
      unreadable.push({ file: name, message: "not UTF-8 text (a binary file?)" });
    }
  }
  const lexiconFile = readdirSync(dir).find((n) => /^sectors\.ya?ml$/i.test(n));
  if (!lexiconFile) throw new Error(`${dir}: no sector lexicon (sectors.yaml) found`);
  return { files, lexicon: readFileSync(path.join(dir, lexiconFile), "utf8"), unreadable };
}

/** Builds a content folder; files that cannot even be read are reported like malformed ones. */
export function buildContentDir(dir: string): { bundle: ContentBundle; stats: BuildStats } {
  const { files, lexicon, unreadable } = readContentDir(dir);
  const result = buildBundle(files, lexicon);
  pushAll(result.bundle.errors, unreadable.map((u) => ({ ...u, slug: null })));
  result.bundle.errors.sort((a, b) => a.file.localeCompare(b.file));
  return result;
}

/** Writes the bundle, validated, as stable JSON (the same content gives the same bytes). */
export function writeContentBundle(file: string, bundle: ContentBundle): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(contentBundleSchema.parse(bundle), null, 1)}\n`);
}

/** Reads a bundle and validates it against the contract. */
export function readContentBundle(file: string): ContentBundle {
  return contentBundleSchema.parse(JSON.parse(readFileSync(file, "utf8")));
}
