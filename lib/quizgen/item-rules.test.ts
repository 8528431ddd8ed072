import { describe, expect, it } from "vitest";
import { listOrCaption, matchingStatementFlaw, sectorBlankFlaw, standsAlone } from "./item-rules";

/** The spans of `word` in `sentence`, as the lexicon matcher would give them. */
function spans(sentence: string, word: string) {
  const out = [];
  for (let at = sentence.indexOf(word); at >= 0; at = sentence.indexOf(word, at + word.length)) out.push({ start: at, end: at + word.length });
  return out;
}
const flaw = (sentence: string, word: string, names: string[], language: "en" | "zh" = "en") => sectorBlankFlaw(sentence, spans(sentence, word), names, language);

describe("T1: list items and captions are not asked", () => {
  it.each([
    ["三是加强人才培养的具体措施。", "zh"],
    ["其二，钢铁产能过剩的问题依然突出。", "zh"],
    ["(2) Exports of optical fibre grew quickly.", "en"],
    ["1. Industrial robots and their controllers", "en"],
    ["Figure 3 shows shipments of robots by country.", "en"],
    ["图2 中美机器人专利对比", "zh"],
    ["Source: national statistics office, 2021.", "en"],
  ] as const)("%s", (sentence, language) => expect(listOrCaption(sentence, language)).not.toBeNull());
  it.each([
    ["二十年来，中国钢铁产量增长了三倍。", "zh"],
    ["Robot makers in Japan doubled their output in 2020.", "en"],
  ] as const)("not %s", (sentence, language) => expect(listOrCaption(sentence, language)).toBeNull());
});

describe("T2: a true/false statement stands alone", () => {
  it.each([
    ["Especially in the key parts such as bearings and gears.", "en", "Especially"],
    ["However, robot makers in Korea doubled their output.", "en", "However"],
    ["The plan for machine tools covers three areas:", "en", ":"],
    ["steel makers in Hebei cut output by a third.", "en", "lower case"],
    ["In the core components of wind turbines.", "en", "verb"],
    ["其中，华为的通信设备份额最高。", "zh", "其中"],
    ["此外，机器人产量增长了两成。", "zh", "此外"],
    ["但国产机床的精度仍然不足。", "zh", "但"],
    ["推动机器人产业向高端迈进，扩大有效投资。", "zh", "verb"],
  ] as const)("%s", (statement, language, why) => expect(standsAlone(statement, language)).toContain(why));
  it.each([
    ["Robot makers in Japan doubled their output in 2020.", "en"],
    ["德国的机床出口额在2019年增长了8%。", "zh"],
  ] as const)("not %s", (statement, language) => expect(standsAlone(statement, language)).toBeNull());
});

describe("T3: a sector blank replaces the key's whole name and leaves no cue", () => {
  const ROBOTS = ["Robots", "机器人"];
  const STEEL = ["Steel", "钢铁"];
  it("the blanked word must be the key (not an example or a part of it)", () => {
    expect(flaw("CT scanners made by Siemens cost 40% more in Shanghai in 2020.", "CT", ["Medical equipment", "医疗器械"])).toContain("not the key");
    expect(flaw("2020年，中国纳米技术论文数量达到1.2万篇。", "纳米技术", ["New materials", "新材料"], "zh")).toContain("not the key");
  });
  it("no a/an and no measure word before the blank", () => {
    expect(flaw("Shenzhen opened an AI lab with 300 engineers in 2022.", "AI", ["Artificial intelligence", "AI"])).toContain('"an"');
    expect(flaw("该市2021年新增了3台机器人。", "机器人", ROBOTS, "zh")).toContain("台");
  });
  it("no half of a word or term, no two blanks side by side", () => {
    expect(flaw("Sales of non-steel alloys in Germany rose 5% in 2018.", "steel", STEEL)).toContain("half a word");
    expect(flaw("新能源汽车销量在2022年增长了90%。", "汽车", ["Automobiles", "汽车"], "zh")).toContain("half a term");
    const twice = "Japan sells high-end robot robot arms to Korea, 40% of them in 2020.";
    const at = twice.indexOf("robot robot");
    expect(sectorBlankFlaw(twice, [{ start: at, end: at + 5 }, { start: at + 6, end: at + 11 }], ROBOTS, "en")).toContain("side by side");
  });
  it("never inside an institution's name", () => {
    expect(flaw("A report of the Academy of Steel Research found that 64% of mills in Hebei were idle in 2016.", "Steel", STEEL)).toContain("institution");
    expect(flaw("Officials of the Ministry of Industry and Steel met 40 firms in 2019.", "Steel", STEEL)).toContain("institution");
    expect(flaw("国家钢铁研究院的报告显示，2016年64%的钢厂开工不足。", "钢铁", STEEL, "zh")).toContain("institution");
  });
  it("distractors must not fit as well: no open list, no general statement", () => {
    expect(flaw("Japan exported robots, steel and lasers worth $9 billion in 2020.", "steel", STEEL)).toContain("open list");
    expect(flaw("Vital technologies such as robots and satellites were named by Li Wei.", "robots", ROBOTS)).toContain("open list");
    expect(flaw("德国在机床、机器人和光学领域领先。", "机器人", ROBOTS, "zh")).toContain("open list");
    expect(flaw("The robot industry needs patient capital and long-term planning.", "robot", ROBOTS)).toContain("general statement");
    expect(flaw("从长远来看，机器人领域的专利将成为竞争焦点。[3]", "机器人", ROBOTS, "zh")).toContain("general statement");
    expect(flaw("In 2020, the robots industry of Korea faced two problems:", "robots", ROBOTS)).toContain(":");
    // Naming China or the United States makes nothing specific: the lessons are about them.
    expect(flaw("China's robot makers still stand at the low end of the value chain.", "robot", ROBOTS)).toContain("general statement");
    expect(flaw("中国机器人产业仍处于产业链的中低端。", "机器人", ROBOTS, "zh")).toContain("general statement");
    // A year is no specific fact either: "by 2019 the United States was stronger in X" holds for most X.
    expect(flaw("截至2019年,中美机器人专利稳步增长,但美国的机器人强于中国。", "机器人", ROBOTS, "zh")).toContain("general statement");
    expect(flaw("By 2019, robots made in the United States were still better than those made in China.", "robots", ROBOTS)).toContain("general statement");
  });
  it("a specific fact with the key's own name passes", () => {
    expect(flaw("In 2020, Fanuc shipped 5,000 robots to Chinese car makers.", "robots", ROBOTS)).toBeNull();
    expect(flaw("2020年，日本企业向中国出口的机器人超过5万台。", "机器人", ROBOTS, "zh")).toBeNull();
  });
});

describe("T5: matching statements are readable", () => {
  it("at most one blank, shortened, no cut term", () => {
    expect(matchingStatementFlaw("In the field of ____, 30% of ____ and 20% of ____ were imported.", "en")).toContain("3 blanks");
    expect(matchingStatementFlaw(`In 2019, 45% of ____ were imported from Japan, ${"while the domestic makers kept selling to small workshops in the north, ".repeat(3)}as usual.`, "en")).toContain("characters");
    expect(matchingStatementFlaw("2019年中美生物微____技术专利分别为800件和900件。", "zh")).toContain("half a term");
    expect(matchingStatementFlaw("预计2030年中美替代____与核能发电占比分别为9%和21%。", "zh")).toContain("half a term");
  });
  it("a short clause with one blank passes", () => {
    expect(matchingStatementFlaw("In 2019, 45% of ____ were imported from Japan.", "en")).toBeNull();
    expect(matchingStatementFlaw("2019年____进口占比为45%。", "zh")).toBeNull();
  });
});
