import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { buildBundle, type SourceFile } from "./build";
import { parseLexicon } from "./lexicon";

// Tests read their own copies of the seed documents (fixtures/seeds), never the live content/
// folder: a teacher who drops a document into content/ must not break the test suite.
// The sector lexicon is the project's own (content/sectors.yaml): it is configuration, not a document.
const root = path.resolve(import.meta.dirname, "../..");
export const SEEDS_DIR = path.join(import.meta.dirname, "fixtures/seeds");
const FIXTURES_DIR = path.join(import.meta.dirname, "fixtures");

export const lexiconYaml = readFileSync(path.join(root, "content/sectors.yaml"), "utf8");
export const lexicon = parseLexicon(lexiconYaml);

/** The .md and .txt documents of a folder (not its sub-folders). */
export function documentFiles(dir: string): SourceFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && /\.(md|txt)$/i.test(e.name))
    .map((e) => ({ name: e.name, text: readFileSync(path.join(dir, e.name), "utf8") }));
}

/** The five seed documents, as they were copied for the tests. */
export function seedFiles(): SourceFile[] {
  return documentFiles(SEEDS_DIR);
}

/** Documents written for the tests on other topics (rice farming, solar power). */
export function fixtureFiles(): SourceFile[] {
  return documentFiles(FIXTURES_DIR);
}

export function build(files: SourceFile[]) {
  return buildBundle(files, lexiconYaml);
}
