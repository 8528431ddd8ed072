import { describe, expect, it } from "vitest";
import { extractFigures } from "./figures";
import { generateDrafts } from "./generate";
import { parseDocument } from "./parse-document";
import { lexicon } from "./test-helpers";
import { validateDrafts } from "./validate";

function draftsOf(text: string, language: "en" | "zh") {
  const doc = parseDocument("t.txt", `---\ntitle: T\nlanguage: ${language}\n---\n${text}`);
  return generateDrafts({ doc, figures: extractFigures(doc, lexicon), lexicon, generatorVersion: "test" });
}
const figureDrafts = (text: string, language: "en" | "zh", key: string) =>
  draftsOf(text, language).filter((d) => (d.type === "figure-mc" || d.type === "figure-typed") && d.check.figure?.text === key);

describe("figure questions on a sentence that points back show the sentence before (G1)", () => {
  it.each([
    ["zh", "2022年全球储能电池市场规模持续扩大。其中,宁德时代的市场份额达到37%,比亚迪为12%。", "37%", "2022年全球储能电池市场规模持续扩大。"],
    ["zh", "2021年全球风电整机专利排行中,前20名企业集中在中国和欧洲。在排名前20的企业中,中国企业所占专利份额为41.5%。", "41.5%", "前20名企业集中在中国和欧洲"],
    ["zh", "研发支出可以分为基础研究、应用研究和试验发展。以2019年为例,日本三类研究支出占比分别为12.6%、19.8%和67.6%。", "19.8%", "基础研究、应用研究和试验发展"],
    ["zh", "德国的氢燃料电池专利规模于2012年赶超日本,至2020年该专利规模将近2400件。预计2026年德国的专利规模为3100件,日本可能暂时下降至1700件。", "3100件", "德国的氢燃料电池专利规模"],
    ["en", "In 2021, Korea installed 31,000 industrial robots. Of these, 42% went to electronics factories in the country.", "42%", "Korea installed 31,000 industrial robots"],
    ["en", "Japan's chip equipment makers grew quickly in 2020. However, their share of the world market fell to 29% in 2021.", "29%", "Japan's chip equipment makers grew quickly"],
  ] as const)("%s: %s", (language, text, key, shown) => {
    const found = figureDrafts(text, language, key);
    expect(found.map((d) => d.type).sort()).toEqual(["figure-mc", "figure-typed"]);
    for (const d of found) {
      expect(d.check.context).toContain(shown);
      expect(d.stem.startsWith(language === "zh" ? "上文：“" : "The lesson says: “")).toBe(true);
    }
  });
  it.each([
    ["en", "Exports of solar glass doubled in the decade. For instance, in 2019 Vietnam's share of the world's solar glass exports reached 14%.", "14%"],
    ["en", "Shipyards in Asia were busy. However, in 2021 Korea delivered 38% of the world's new ships.", "38%"],
    ["zh", "光伏玻璃出口在十年间翻了一番。例如,2019年越南光伏玻璃出口占全球的14%。", "14%"],
    ["zh", "亚洲船厂订单饱满。但2021年韩国交付的新船占全球的38%。", "38%"],
  ] as const)("a figure after a connective that points to nothing gets no context: %s: %s", (language, text, key) => {
    const found = figureDrafts(text, language, key);
    expect(found.length).toBeGreaterThan(0);
    for (const d of found) expect(d.check.context).toBeUndefined();
  });
  it("a figure in a later clause, whose excerpt does not show the words that point back, gets no context", () => {
    const text =
      "2021年全球风电整机专利排行中,前20名企业集中在中国和欧洲。在排名前20的企业中,中国企业所占专利份额为41.5%,明显高于丹麦的22.30%、德国和西班牙的11.75%;在储能电池领域,根据《全球储能电池专利分析报告》,2020年日本以6321件的储能电池专利申请量居全球首位,比韩国多1800件。";
    for (const d of figureDrafts(text, "zh", "6321件")) {
      expect(d.stem).toContain("“…在储能电池领域");
      expect(d.check.context).toBeUndefined();
    }
    for (const d of figureDrafts(text, "zh", "41.5%")) expect(d.check.context).toContain("前20名企业集中在中国和欧洲");
  });
  it.each([
    ["zh", "2021年全球风电整机专利排行中,前20名企业集中在中国和欧洲。在排名前20的企业中,中国企业所占专利份额为41.5%。", "41.5%", "前20名企业集中在中国和欧洲"],
    ["en", "Chipmakers in Taiwan grew quickly in 2020. Of the four kinds of chips they make, the three kinds of memory chips made up 38% of sales.", "38%", "Chipmakers in Taiwan grew quickly"],
  ] as const)("a true/false statement that points back is shown with the sentence before: %s: %s", (language, text, key, shown) => {
    const tf = draftsOf(text, language).filter((d) => d.type === "true-false" && d.check.figure?.text === key);
    expect(tf.length).toBeGreaterThan(0);
    for (const d of tf) expect(d.check.context).toContain(shown);
  });
  it("a sentence that stands alone gets no context", () => {
    const text = "2022年全球储能电池市场规模持续扩大。2022年宁德时代的全球储能电池市场份额达到37%。";
    for (const d of figureDrafts(text, "zh", "37%")) expect(d.check.context).toBeUndefined();
    const en = "Japan's chip equipment makers grew quickly in 2020. Their rivals in Korea held 29% of the world market in 2021.";
    for (const d of figureDrafts(en, "en", "29%")) expect(d.check.context).toBeDefined();
    const alone = "Japan's chip equipment makers grew quickly in 2020. Korean makers held 29% of the world market in 2021.";
    for (const d of figureDrafts(alone, "en", "29%")) expect(d.check.context).toBeUndefined();
  });
});

describe("a comparison whose sentence before says which is larger is not asked", () => {
  it.each([
    ["zh", "2020年以来,中德两国氢能专利稳步增长,且中国远超德国。其中,2022年中德两国氢能专利分别为5200件和1800件。"],
    ["en", "Battery research grew fast in Asia, and Japan stayed far ahead of Korea. Of these, in 2020 Japan and Korea spent $8 billion and $5 billion on battery research respectively."],
  ] as const)("%s: %s", (language, text) => {
    const draft = draftsOf(text, language).find((d) => d.check.compared)!;
    expect(draft.check.context).toBeDefined();
    expect(validateDrafts([draft], lexicon).get(draft)!.failed.map((f) => f.check)).toContain("no-order-cue");
  });
});

describe("a figure's multiple choice whose sentence before says which is larger is not asked", () => {
  it("zh: 且中国远超德国 beside the German figure bounds the Chinese one", () => {
    const text = "2020年以来,中德两国氢能专利稳步增长,且中国远超德国。其中,2022年中德两国氢能专利分别为5200件和1800件。";
    const mc = figureDrafts(text, "zh", "5200件").find((d) => d.type === "figure-mc" && !d.rejectedReason)!;
    expect(mc.check.context).toBeDefined();
    expect(validateDrafts([mc], lexicon).get(mc)!.failed.map((f) => f.check)).toContain("no-leak");
  });
});
