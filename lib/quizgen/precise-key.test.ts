import { describe, expect, it } from "vitest";
import { numericOptions } from "./distractors";
import { extractFigures } from "./figures";
import { generateDrafts } from "./generate";
import { parseDocument } from "./parse-document";
import { rngFor } from "./random";
import { lexicon } from "./test-helpers";

function figuresOf(text: string, language: "en" | "zh") {
  const doc = parseDocument("t.txt", `---\ntitle: T\nlanguage: ${language}\n---\n${text}`);
  return { doc, figures: extractFigures(doc, lexicon) };
}

// G3: the options of a key with more than four significant digits are its own multiples
// (2 × 1,384,006 = 2,768,012): the one they divide is the key. Such a key is asked typed (rounded).
describe("no multiple choice on a key of more than four significant digits", () => {
  it.each([
    ["zh", "2019年德国专利申请数达1384006件,商标申请数为620000件。", "1384006件"],
    ["zh", "2020年日本以58213件的电池专利申请量居全球首位。", "58213件"],
    ["en", "In 2019 the Danish wind fund paid $1,384,006 in licence fees to German firms, against $620,000 in 2015.", "1,384,006"],
  ] as const)("%s: %s", (language, text, key) => {
    const { doc, figures } = figuresOf(text, language);
    const f = figures.find((x) => x.text.includes(key))!;
    for (const seed of ["a", "b", "c", "d"]) {
      const opts = numericOptions(f, figures, rngFor(seed, f.id, "figure-mc", "test"));
      expect("rejected" in opts && opts.rejected).toContain("significant digits");
    }
    const drafts = generateDrafts({ doc, figures, lexicon, generatorVersion: "test" }).filter((d) => d.check.figure?.id === f.id);
    expect(drafts.find((d) => d.type === "figure-mc")?.rejectedReason).toContain("significant digits");
    expect(drafts.find((d) => d.type === "figure-typed")).toBeDefined();
  });

  it("a key of four significant digits or fewer still gets its options", () => {
    const { figures } = figuresOf("2019年德国专利申请数达1384件,2020年为1650件,2021年为1920件,2022年为2310件。", "zh");
    const f = figures.find((x) => x.text === "1384件")!;
    expect("texts" in numericOptions(f, figures, rngFor("a", f.id, "figure-mc", "test"))).toBe(true);
  });
});

// G3: an option equal to another figure of the key's sentence is read off the stem as "the other
// figure" and ruled out at a glance.
describe("no option repeats another figure of the key's sentence", () => {
  it.each([
    ["zh", "2022年德国风机出口为1500台,法国为1200台,西班牙为2000台。2016年丹麦风机出口为700台。2017年为900台。2018年为1100台。2019年为1700台。2020年为2600台。2021年为3100台。", "1500台", ["1200台", "2000台"]],
    ["en", "In 2022 Danish firms paid $1.5 billion in licence fees, French firms $1.2 billion and Spanish firms $2.3 billion. Dutch firms paid $0.7 billion in 2016. They paid $0.9 billion in 2017. They paid $1.1 billion in 2018. They paid $1.7 billion in 2019. They paid $2.6 billion in 2020. They paid $3.1 billion in 2021.", "$1.5 billion", ["$1.2 billion", "$2.3 billion"]],
  ] as const)("%s: %s", (language, text, key, shown) => {
    const { figures } = figuresOf(text, language);
    const f = figures.find((x) => x.text.includes(key))!;
    let checked = 0;
    for (const seed of ["a", "b", "c", "d", "e", "f", "g", "h"]) {
      const opts = numericOptions(f, figures, rngFor(seed, f.id, "figure-mc", "test"));
      for (const s of shown) expect(opts.wrong).not.toContain(s);
      if (!("texts" in opts)) continue;
      checked++;
      for (const s of shown) expect(opts.texts).not.toContain(s);
    }
    expect(checked).toBeGreaterThan(0);
  });
});
