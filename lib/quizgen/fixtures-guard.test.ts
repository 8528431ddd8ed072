import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildContentDir } from "@/scripts/lib/content-files";
import { seedFiles } from "./test-helpers";

const root = path.resolve(import.meta.dirname, "../..");

/** Every unit-test source: test files and the helpers they share. */
function testSources(): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const dir of ["lib", "scripts"]) {
    for (const entry of readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/(\.test\.ts|test-helpers\.ts)$/.test(entry.name)) continue;
      const file = path.join(entry.parentPath, entry.name);
      // This guard copies content/ on purpose, to drop a document into the copy.
      if (file.includes(`${path.sep}generated${path.sep}`) || file === import.meta.filename) continue;
      out.push({ file: path.relative(root, file), text: readFileSync(file, "utf8") });
    }
  }
  return out;
}

describe("tests use their own fixtures", () => {
  const temp = mkdtempSync(path.join(tmpdir(), "content-copy-"));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it("no unit test reads documents from the live content/ folder (only its sector lexicon)", () => {
    const sources = testSources();
    expect(sources.length).toBeGreaterThan(5);
    for (const { file, text } of sources) {
      const reads = [...text.matchAll(/["'`]content(\/[^"'`]*)?["'`]/g)].map((m) => m[0]).filter((m) => !/sectors\.ya?ml/.test(m));
      expect(reads, file).toEqual([]);
    }
  });

  it("a document dropped into a copy of content/ builds as one more lesson, and the seeds the tests use stay the same", () => {
    const seedsBefore = seedFiles().map((f) => f.name).sort();
    cpSync(path.join(root, "content"), temp, { recursive: true });
    const before = buildContentDir(temp).bundle.documents.length;
    writeFileSync(path.join(temp, "zz-new-lesson.md"), "---\ntitle: Tidal power\n---\nIn 2023 tidal plants produced 1.2% of the coast's electricity, up from 0.8% in 2019.\n");
    const { bundle } = buildContentDir(temp);
    expect(bundle.errors).toEqual([]);
    expect(bundle.documents).toHaveLength(before + 1);
    expect(seedFiles().map((f) => f.name).sort()).toEqual(seedsBefore);
  });
});
