import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { buildBundle, type SourceFile } from "./build";
import { parseLexicon } from "./lexicon";

// Tests read the project's content/ folder and the fixtures beside this file.
const root = path.resolve(import.meta.dirname, "../..");

export const lexiconYaml = readFileSync(path.join(root, "content/sectors.yaml"), "utf8");
export const lexicon = parseLexicon(lexiconYaml);

export function seedFiles(): SourceFile[] {
  const dir = path.join(root, "content");
  return readdirSync(dir).filter((n) => /\.(md|txt)$/.test(n)).map((name) => ({ name, text: readFileSync(path.join(dir, name), "utf8") }));
}

export function fixtureFiles(): SourceFile[] {
  const dir = path.join(import.meta.dirname, "fixtures");
  return readdirSync(dir).map((name) => ({ name, text: readFileSync(path.join(dir, name), "utf8") }));
}

export function build(files: SourceFile[]) {
  return buildBundle(files, lexiconYaml);
}
