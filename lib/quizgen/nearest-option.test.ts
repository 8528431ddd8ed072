import { describe, expect, it } from "vitest";
import { extractFigures } from "./figures";
import { generateDrafts } from "./generate";
import { parseDocument } from "./parse-document";
import { lexicon } from "./test-helpers";
import { validateDrafts } from "./validate";

function mcDraft(text: string, language: "en" | "zh", key: string) {
  const doc = parseDocument("t.txt", `---\ntitle: T\nlanguage: ${language}\n---\n${text}`);
  const d = generateDrafts({ doc, figures: extractFigures(doc, lexicon), lexicon, generatorVersion: "test" }).find((d) => d.type === "figure-mc" && !d.check.compared && d.check.figure?.text === key);
  if (!d) throw new Error(`no multiple choice on ${key}`);
  return d;
}
const failedWith = (d: ReturnType<typeof mcDraft>, texts: string[], keyText: string) => {
  const options = texts.map((text, i) => ({ id: `o${i + 1}`, text }));
  const draft = { ...d, options, correctOptionId: options.find((o) => o.text === keyText)!.id, check: { ...d.check, optionValues: texts.map((t) => Number(t.replace(/[^\d.]/g, ""))) } };
  return validateDrafts([draft], lexicon).get(draft)!.failed;
};

// G4: the option nearest to another figure of the stem (the other year of a series, the value the
// key is said to exceed, the multiple of another year) is what a test-wise reader picks.
describe("a multiple choice whose key is the option nearest to a figure of its stem is refused", () => {
  it.each([
    ["zh", "预计2026年德国氢能专利规模为24千件,2031年德国氢能专利规模为26千件,远超法国。", "26千件", ["17千件", "20千件", "26千件", "29千件"], ["20千件", "23千件", "26千件", "29千件"]],
    ["zh", "在风电整机专利排行上,丹麦维斯塔斯以2380件的专利数量,超过德国的西门子(2110件)和美国的通用电气(1750件)。", "2380件", ["1620件", "2380件", "2950件", "3240件"], ["1620件", "2060件", "2380件", "2950件"]],
    ["en", "By 2030 Korea's shipyards are expected to deliver 3.4 times as many ships as Japan's, up from 2.9 times in 2020.", "3.4 times", ["1.4 times", "1.9 times", "3.4 times", "4.9 times"], ["2.7 times", "3.4 times", "4.1 times", "4.8 times"]],
  ] as const)("%s: %s", (language, text, key, giveaway, fair) => {
    const d = mcDraft(text, language, key);
    expect(failedWith(d, [...giveaway], key)).toContainEqual(expect.objectContaining({ check: "no-leak", reason: expect.stringContaining("nearest") }));
    expect(failedWith(d, [...fair], key).map((f) => f.reason).join(" ")).not.toContain("nearest");
  });
});
