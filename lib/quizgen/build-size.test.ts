import { describe, expect, it } from "vitest";
import { syntheticDocument } from "@/scripts/lib/synthetic-document";
import { MAX_DOCUMENT_BYTES } from "./build";
import { build, fixtureFiles } from "./test-helpers";

/** A generated document of at least `bytes` bytes, made cheaply by joining generated chunks. */
function documentOf(language: "en" | "zh", bytes: number, name: string) {
  const chunk = syntheticDocument(language, 64 * 1024, name).text.replace(/^---[\s\S]*?---\n/, "");
  const copies = Math.ceil(bytes / Buffer.byteLength(chunk));
  return { name, text: `---\ntitle: Too long\n---\n${chunk.repeat(copies)}` };
}

describe("document size", () => {
  it("refuses a file over the limit by its name and the limit, and builds the others", () => {
    const huge = documentOf("en", MAX_DOCUMENT_BYTES + 1, "whole-archive.md");
    const { bundle } = build([...fixtureFiles(), huge]);
    expect(bundle.errors).toHaveLength(1);
    expect(bundle.errors[0].file).toBe("whole-archive.md");
    expect(bundle.errors[0].message).toMatch(/over the limit of 2 MB/);
    expect(bundle.documents.map((d) => d.language).sort()).toEqual(["en", "zh"]);
    expect(bundle.questions.length).toBeGreaterThan(10);
  });

  it("a 20 MB file stops nothing: no RangeError, the other documents build", () => {
    const huge = documentOf("zh", 20 * 1024 * 1024, "twenty-megabytes.txt");
    expect(() => build([...fixtureFiles(), huge])).not.toThrow();
    const { bundle } = build([...fixtureFiles(), huge]);
    expect(bundle.errors.map((e) => e.file)).toEqual(["twenty-megabytes.txt"]);
    expect(bundle.errors[0].message).toMatch(/20\.\d MB is over the limit of 2 MB/);
    expect(bundle.documents).toHaveLength(2);
  });

  it("counts UTF-8 bytes, not characters", () => {
    // 700,000 Chinese characters are 2.1 MB in UTF-8: refused although under 2 million characters.
    const text = `---\ntitle: 字\n---\n${"字".repeat(700_000)}`;
    expect(text.length).toBeLessThan(MAX_DOCUMENT_BYTES);
    const { bundle } = build([{ name: "wide.txt", text }]);
    expect(bundle.errors.map((e) => e.file)).toEqual(["wide.txt"]);
  });
});
