import { strToU8, zipSync, type Zippable } from "fflate";

/** A zip archive of text files (UTF-8), deflated; the file order is kept. */
export function zipFiles(files: Record<string, string | Uint8Array>): Uint8Array<ArrayBuffer> {
  const entries: Zippable = {};
  for (const [name, content] of Object.entries(files)) entries[name] = typeof content === "string" ? strToU8(content) : content;
  // A fixed date: the same bank gives the same bytes.
  return new Uint8Array(zipSync(entries, { level: 6, mtime: new Date("2020-01-01T00:00:00Z") }));
}
