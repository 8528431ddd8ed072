import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("toCsv", () => {
  it("starts with a BOM, quotes what needs it and keeps Chinese", () => {
    const csv = toCsv(["name", "note"], [["吴福象", 'said "hi", then left'], ["Ann", "line\nbreak"], ["=SUM(A1)", null]]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toBe('\uFEFFname,note\r\n吴福象,"said ""hi"", then left"\r\nAnn,"line\nbreak"\r\n\'=SUM(A1),\r\n');
  });
  it("writes numbers, booleans and dates plainly", () => {
    expect(toCsv(["a", "b", "c"], [[0.5, true, new Date("2026-01-02T03:04:05Z")]])).toBe("\uFEFFa,b,c\r\n0.5,true,2026-01-02T03:04:05.000Z\r\n");
  });
});
