import { describe, expect, it } from "vitest";
import { countReadingUnits, readingMinutes } from "./lesson";

describe("reading time", () => {
  it("counts English words and Chinese characters separately", () => {
    expect(countReadingUnits("The U.S. share was 12.5% in 2018.")).toEqual({ words: 7, cjkChars: 0 });
    expect(countReadingUnits("中国制造业占比为2.18%。")).toEqual({ words: 1, cjkChars: 8 });
  });
  it("gives at least a minute and grows with length", () => {
    expect(readingMinutes("short")).toBe(1);
    expect(readingMinutes("word ".repeat(2300))).toBe(10);
    expect(readingMinutes("字".repeat(4000))).toBe(10);
  });
});
