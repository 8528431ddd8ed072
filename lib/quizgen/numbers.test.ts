import { describe, expect, it } from "vitest";
import Decimal from "decimal.js";
import seedrandom from "seedrandom";
import { chineseNumeral, findNumbers } from "./numbers";

const pick = (s: string, l: "en" | "zh") => findNumbers(s, l).map((m) => ({ text: m.text, value: m.value, kind: m.kind, unit: m.unit, decimals: m.decimals, hedge: m.hedge }));

describe("findNumbers, English", () => {
  it("reads percents with hedges and their direction", () => {
    const [m] = findNumbers("At present, more than 90% of the market is occupied by foreign brands.", "en");
    expect(m).toMatchObject({ text: "more than 90%", value: 90, kind: "percent", hedge: "more than", hedgeDirection: "lower", decimals: 0 });
    expect(findNumbers("nearly 70% of reserves", "en")[0]).toMatchObject({ hedgeDirection: "upper" });
    expect(findNumbers("about 12.5 percent", "en")[0]).toMatchObject({ value: 12.5, kind: "percent", decimals: 1, hedgeDirection: "approx" });
  });
  it("reads money with scales and currencies", () => {
    expect(pick("the industry scale was about 100 billion US dollars", "en")[0]).toMatchObject({ value: 1e11, kind: "money", unit: "USD" });
    expect(pick("imports worth $8.2 billion", "en")[0]).toMatchObject({ value: 8.2e9, kind: "money", decimals: 1 });
    expect(pick("worth 15 billion euros", "en")[0]).toMatchObject({ value: 1.5e10, unit: "EUR" });
  });
  it("reads years, ratios and counts with scales, and thousands separators", () => {
    expect(pick("In 2017 output was three times, 4 times higher", "en").map((m) => [m.kind, m.value])).toEqual([["year", 2017], ["ratio", 4]]);
    expect(pick("54,000 people and 3 million tonnes", "en").map((m) => m.value)).toEqual([3e6]);
  });
  it("skips structural numbers: list numbers, references, codes, ranges, bare numbers", () => {
    expect(findNumbers("1. Cosmetics (formula)", "en")).toEqual([]);
    expect(findNumbers("5G networks and 3D printing [3] and 19%~23% and 130 materials", "en")).toEqual([]);
  });
});

describe("findNumbers, Chinese", () => {
  it("reads 亿/万 scales, money and counters", () => {
    expect(pick("2018年2973.7亿美元", "zh")).toEqual([
      { text: "2018年", value: 2018, kind: "year", unit: null, decimals: 0, hedge: null },
      { text: "2973.7亿美元", value: 297_370_000_000, kind: "money", unit: "USD", decimals: 1, hedge: null },
    ]);
    expect(pick("专利授予量分别为43.2万件和30.8万件", "zh").map((m) => m.value)).toEqual([432_000, 308_000]);
    expect(pick("1542002件", "zh")[0]).toMatchObject({ value: 1542002, kind: "count", unit: "件" });
  });
  it("reads hedges before and after the number", () => {
    expect(pick("不足0.90%", "zh")[0]).toMatchObject({ value: 0.9, decimals: 2, hedge: "不足" });
    expect(pick("保持在83%以上", "zh")[0]).toMatchObject({ value: 83, hedge: "以上" });
    expect(pick("10%左右", "zh")[0]).toMatchObject({ value: 10, hedge: "左右" });
    expect(findNumbers("超过300亿美元", "zh")[0]).toMatchObject({ value: 3e10, hedgeDirection: "lower" });
  });
  it("reads Chinese numerals and full-width digits", () => {
    expect(pick("近八成", "zh")[0]).toMatchObject({ value: 80, kind: "percent" });
    expect(pick("百分之十二", "zh")[0]).toMatchObject({ value: 12, kind: "percent" });
    expect(pick("美国是中国的四倍", "zh")[0]).toMatchObject({ value: 4, kind: "ratio" });
    expect(pick("占比８０％", "zh")[0]).toMatchObject({ value: 80, kind: "percent", text: "８０％" });
    expect(chineseNumeral("三百零五")).toBe(305);
    expect(chineseNumeral("十二点五")).toBe(12.5);
  });
  it("skips ranges, reference markers and durations", () => {
    expect(findNumbers("保持在19%~23%的区间水平。[2]预计未来十年", "zh")).toEqual([]);
  });
});

describe("findNumbers, values with a scale word", () => {
  // The value is worked out on the digits written (not with decimal.js): it must be exactly what
  // decimal.js gives, or the bank changes. Seeded random figures of every size and precision.
  it("equals decimal.js's product for every scale", () => {
    const random = seedrandom("scaled");
    const scales = { 千: 1e3, 万: 1e4, 亿: 1e8, 万亿: 1e12 } as const;
    for (let i = 0; i < 3_000; i++) {
      const digits = String(Math.floor(random() * 10 ** (1 + Math.floor(random() * 12))));
      const decimals = Math.floor(random() * 4);
      const raw = decimals && digits.length > decimals ? `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}` : digits;
      const [word, factor] = Object.entries(scales)[i % 4];
      const [m] = findNumbers(`产值为${raw}${word}美元。`, "zh");
      expect(m.value, `${raw}${word}`).toBe(new Decimal(raw).times(factor).toNumber());
      expect(findNumbers(`worth $${raw} billion`, "en")[0].value, `${raw} billion`).toBe(new Decimal(raw).times(1e9).toNumber());
    }
  });
});
