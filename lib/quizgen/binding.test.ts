import { describe, expect, it } from "vitest";
import { comparable } from "./binding";
import { extractFigures } from "./figures";
import { parseDocument } from "./parse-document";
import { lexicon } from "./test-helpers";

const bindingsOf = (text: string, language: "en" | "zh") =>
  extractFigures(parseDocument("t.txt", `---\ntitle: T\nlanguage: ${language}\n---\n${text}`), lexicon).map((f) => ({ text: f.text, ...f.binding }));

describe("binding figures to subject, measure, time and unit", () => {
  it("gives each figure the time of its own words, not the nearest year before it", () => {
    const [cn2020, euNow, cnNow] = bindingsOf("China's 2020 share of the cloud market (27%) compared with Europe's current share (38%), while China's current share is 42%.", "en");
    expect([cn2020.subject, cn2020.measure, cn2020.time]).toEqual(["China", "share", "2020"]);
    expect([euNow.subject, euNow.measure, euNow.time]).toEqual(["Europe", "share", "current"]);
    expect([cnNow.subject, cnNow.time]).toEqual(["China", "current"]);
    expect(comparable(cn2020, euNow)).toMatch(/different times/);
    expect(comparable(euNow, cnNow)).toBeNull();
  });
  it("reads a year written after the figure in English", () => {
    const [a, b] = bindingsOf("Exports of drones grew 14% in 2019 and 22% in 2021.", "en");
    expect([a.time, b.time]).toEqual(["2019", "2021"]);
  });
  it("names companies as subjects (compromise for English, jieba for Chinese)", () => {
    expect(bindingsOf("In 2021, Amazon held 33% of the cloud market and Microsoft held 21%, while Google had 10%.", "en").map((b) => [b.subject, b.measure, b.time])).toEqual([
      ["Amazon", "share", "2021"],
      ["Microsoft", "share", "2021"],
      ["Google", "share", "2021"],
    ]);
    expect(bindingsOf("2021年，阿里巴巴的云计算市场份额为37%，腾讯为11%，华为为9%。", "zh").map((b) => [b.subject, b.measure, b.time])).toEqual([
      ["阿里巴巴", "share", "2021"],
      ["腾讯", "share", "2021"],
      ["华为", "share", "2021"],
    ]);
  });
  it("keeps the unit and scale and tells measures apart", () => {
    const [cars, share] = bindingsOf("2022年德国电动汽车销量为83.3万辆，法国电动汽车销量占新车销量的21%。", "zh");
    expect([cars.subject, cars.measure, cars.unit]).toEqual(["德国", "count", "count|辆|万"]);
    expect([share.subject, share.measure, share.unit]).toEqual(["法国", "share", "percent|%|"]);
    expect(comparable(cars, share)).toMatch(/different units/);
  });
  it("keeps 分别 lists working and marks a figure with no subject or time as unsure", () => {
    const listed = bindingsOf("2019年中日光伏组件出口额分别为203亿美元和41亿美元。", "zh");
    expect(listed.map((b) => [b.subject, b.time, b.unsure])).toEqual([
      ["中国", "2019", []],
      ["日本", "2019", []],
    ]);
    const [bare] = bindingsOf("After the reform, that figure rose steadily to 40% according to the survey.", "en");
    expect(bare.unsure).toEqual(expect.arrayContaining(["no subject", "no time"]));
    expect(comparable(bare, listed[0])).toMatch(/unsure/);
  });
});
