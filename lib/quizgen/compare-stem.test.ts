import { describe, expect, it } from "vitest";
import { extractFigures } from "./figures";
import { generateDrafts } from "./generate";
import { parseDocument } from "./parse-document";
import { lexicon } from "./test-helpers";
import { validateDrafts } from "./validate";

function comparisons(text: string, language: "en" | "zh") {
  const doc = parseDocument("t.txt", `---\ntitle: T\nlanguage: ${language}\n---\n${text}`);
  const drafts = generateDrafts({ doc, figures: extractFigures(doc, lexicon), lexicon, generatorVersion: "test" }).filter((d) => d.check.compared);
  const results = validateDrafts(drafts, lexicon);
  return drafts.map((d) => ({ stem: d.stem, failed: results.get(d)!.failed.map((f) => f.check) }));
}

// F2: a "which is larger" question whose stem keeps a second pair of the same unit (another year, the
// same order) is answered by the stem. The clause of the other pair after the blanks is cut; a pair
// whose stem needs the earlier clause, figures and all, is refused.
describe("a comparison's stem keeps no other figure of the same unit (F2)", () => {
  it.each([
    ["zh", "预计2026年中德氢能汽车专利分别为4200件和3100件,2032年分别为7600件和5300件。", "预计2026年中德氢能汽车专利分别为____和____。", ["4200件", "3100件", "7600件", "5300件"]],
    ["zh", "2021年中日动力电池出口占比分别为38.5%和21.2%；2016年分别为12.4%和30.6%。", "2021年中日动力电池出口占比分别为____和____。", ["38.5%", "21.2%", "12.4%", "30.6%"]],
    ["en", "Japan's share of display panel exports was 31% in 2022 and Korea's was 24%; in 2018, Japan had 28% and Korea 35%.", "Japan's share of display panel exports was ____ in 2022 and Korea's was ____.", ["31%", "24%", "28%", "35%"]],
    ["en", "In 2022, Japan and Korea held 31% and 24% of the world's display panel market respectively, and in 2018 they held 28% and 35%.", "In 2022, Japan and Korea held ____ and ____ of the world's display panel market respectively.", ["31%", "24%", "28%", "35%"]],
  ] as const)("%s: %s", (language, text, shown, figures) => {
    const all = comparisons(text, language);
    const kept = all.filter((c) => !c.failed.length);
    expect(kept).toHaveLength(1);
    expect(kept[0].stem).toContain(`“${shown}”`);
    for (const f of figures) expect(kept[0].stem).not.toContain(f);
    // The later pair's comparison needs the earlier clause, whose figures say which is larger.
    for (const c of all.filter((c) => c !== kept[0])) expect(c.failed).toContain("no-order-cue");
  });

  it("a sentence with one pair keeps its other clauses", () => {
    const [c] = comparisons("2021年中日动力电池出口占比分别为38.5%和21.2%,两国企业均在扩产。", "zh");
    expect(c.stem).toContain("“2021年中日动力电池出口占比分别为____和____,两国企业均在扩产。”");
    expect(c.failed).toEqual([]);
  });
});
