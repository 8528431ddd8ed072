import { describe, expect, it } from "vitest";
import { excerpt } from "./generate";

const BLANK = "____";
const cut = (sentence: string, language: "en" | "zh") => excerpt(sentence, sentence.indexOf(BLANK), language);

describe("a long sentence's excerpt keeps what the blank's figure is said of (G1)", () => {
  it("en: a blank in the middle of a list keeps the sentence's end, its predicate", () => {
    const s =
      "As far as farm machinery is concerned, according to figures published by the Brazilian Association of Machine Builders in its yearly review of the sector, because local factories have not mastered the gearbox technology, " +
      "____ of the large tractors sold in Brazil, most combine harvesters, 75% of crop sprayers, and 60% of irrigation pivots and grain dryers are made by foreign companies.";
    const e = cut(s, "en");
    expect(e.endsWith("are made by foreign companies.")).toBe(true);
    expect(e).toContain(`${BLANK} of the large tractors sold in Brazil`);
  });

  it("zh: a blank in the middle of a list keeps the sentence's end", () => {
    const s =
      "就农业机械而言,根据巴西机械制造商协会在其年度行业报告中公布的数据,由于本土工厂尚未掌握变速箱核心技术,巴西市场销售的大型拖拉机中有____、大部分联合收割机、75%的植保喷雾机以及60%的灌溉设备和粮食烘干机,均由外国企业生产。";
    const e = cut(s, "zh");
    expect(e.endsWith("均由外国企业生产。")).toBe(true);
    expect(e).toContain(`大型拖拉机中有${BLANK}`);
  });

  it("zh: a semicolon ends the blank's clause; the next clause on another subject is not shown", () => {
    const s =
      "在全球前20家风电整机企业中,丹麦企业所占装机份额为____,明显高于德国的17.5%和西班牙的11.2%;在光伏领域,根据国际能源署发布的《全球光伏市场年度报告》,2019年越南以5.6吉瓦的新增装机量位居东南亚首位,比泰国多4.1吉瓦。";
    const e = cut(s, "zh");
    expect(e).toBe(`在全球前20家风电整机企业中,丹麦企业所占装机份额为${BLANK},明显高于德国的17.5%和西班牙的11.2%…`);
  });

  it("en: the clause after a semicolon is not shown either", () => {
    const s =
      "Among the twenty largest wind turbine makers, Danish firms held ____ of installed capacity, well above Germany's 17.5% and Spain's 11.2%; in solar power, according to the yearly market report of the International Energy Agency, Vietnam led South-East Asia in 2019 with 5.6 gigawatts of new capacity, 4.1 gigawatts more than Thailand.";
    expect(cut(s, "en")).toBe(`Among the twenty largest wind turbine makers, Danish firms held ${BLANK} of installed capacity, well above Germany's 17.5% and Spain's 11.2%…`);
  });

  it("a short sentence is shown whole", () => {
    const s = `In 2020 Chile produced ${BLANK} of the world's copper; Peru produced 10%.`;
    expect(cut(s, "en")).toBe(s);
  });
});
