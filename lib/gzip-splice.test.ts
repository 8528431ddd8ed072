import { describe, expect, it } from "vitest";
import { gunzipSync } from "node:zlib";
import { gzipSpliced, plainSpliced, prepareSplice } from "@/lib/gzip-splice";

describe("gzipSpliced", () => {
  const placeholder = "Q1w2E3r4T5y6U7i8O9p0AA==";
  const page = `<!DOCTYPE html><script nonce="${placeholder}">a</script>${"大段文字 lesson text ".repeat(3000)}<script nonce="${placeholder}" src="/x.js"></script>${placeholder}`;

  it("decompresses to the text with the value at every place, for each value", () => {
    const spliced = prepareSplice(page, placeholder);
    for (const value of ["n0nce+/AbCdEfGhIjKlMnO==", "another-value", ""]) {
      const expected = page.replaceAll(placeholder, value);
      expect(gunzipSync(gzipSpliced(spliced, value)).toString("utf8")).toBe(expected);
      expect(plainSpliced(spliced, value).toString("utf8")).toBe(expected);
    }
  });

  it("handles a text without the placeholder, one that starts with it, and an empty one", () => {
    for (const text of ["no places here", `${placeholder}${placeholder}x`, ""]) {
      const spliced = prepareSplice(text, placeholder);
      expect(gunzipSync(gzipSpliced(spliced, "v")).toString("utf8")).toBe(text.replaceAll(placeholder, "v"));
    }
  });

  it("compresses: far smaller than the text", () => {
    expect(gzipSpliced(prepareSplice(page, placeholder), "value").length).toBeLessThan(Buffer.byteLength(page) / 5);
  });
});
