import { describe, expect, it } from "vitest";
import { numericOptions, trendBounds } from "./distractors";
import { extractFigures, type ExtractedFigure } from "./figures";
import { parseDocument } from "./parse-document";
import { build, lexicon } from "./test-helpers";

const questionsOf = (text: string, language: "en" | "zh") => build([{ name: "t.txt", text: `---\ntitle: T\nlanguage: ${language}\n---\n${text}\n` }]).bundle.questions;
const number = (t: string) => Number(t.replace(/[^\d.]/g, ""));

describe("numeric distractors", () => {
  const text = "2019年，德国汽车出口额占其出口总额的16.3%。2020年，德国汽车出口额的比例下降为16.2%。2021年，德国机械出口额占其出口总额的14.8%。2022年，德国化工出口额占其出口总额的9.5%。";
  const qs = questionsOf(text, "zh");
  it("never offers a value within 1% of the key, in multiple choice or as a true/false swap", () => {
    const mc = qs.filter((q) => q.type === "figure-mc" && q.options?.length === 4);
    expect(mc.length).toBeGreaterThan(0);
    for (const q of mc) {
      const key = number(q.answerText);
      for (const o of q.options!) if (o.id !== q.correctOptionId) expect(Math.abs(number(o.text) - key), `${q.answerText} vs ${o.text}`).toBeGreaterThanOrEqual(key * 0.01);
    }
    for (const q of qs.filter((x) => x.type === "true-false" && x.answerBool === false)) {
      expect(q.stem).not.toMatch(/16\.2%.*16\.2%|16\.3%.*16\.3%/);
      expect(q.explanation).not.toMatch(/16\.3%，不是16\.2%|16\.2%，不是16\.3%/);
    }
  });
  it("offers no option rounder than the key (2000件 beside 2022件 marks the key)", () => {
    const round = questionsOf("2018年，中国生物材料专利规模为2022件。2019年，日本生物材料专利规模为1800件。2020年，德国生物材料专利规模为2000件。2021年，法国生物材料专利规模为2200件。", "zh");
    const q = round.find((x) => x.type === "figure-mc" && x.answerText === "2022件")!;
    expect(q).toBeDefined();
    for (const o of q.options!) expect(number(o.text) % 10, o.text).not.toBe(0);
  });
});

describe("numeric distractors with decimals", () => {
  it("offers no 3.00倍 for a key of 3.22倍 (a rounder value marks the key)", () => {
    const qs = questionsOf("2016年，美国基础研究支出是中国的3.22倍。2017年，美国应用研究支出是中国的3倍。2018年，美国试验发展支出是中国的4倍。2019年，美国研发人员数量是中国的9倍。2020年，美国专利许可收入是中国的2.47倍。", "zh");
    const mc = qs.filter((q) => q.type === "figure-mc" && q.answerText === "3.22倍");
    for (const q of mc) for (const o of q.options!) expect(o.text, o.text).not.toMatch(/\.00倍$/);
    expect(mc.length).toBe(1);
  });
});

describe("numeric distractors and a stated change (decisions/0110)", () => {
  const figuresOf = (text: string, language: "en" | "zh") => {
    const doc = parseDocument("t.txt", `---\ntitle: T\nlanguage: ${language}\n---\n${text}\n`);
    return extractFigures(doc, lexicon);
  };
  // Every rank of the key (the number of options below it) is tried.
  const everyRank = (key: ExtractedFigure, figures: ExtractedFigure[]) =>
    [0.1, 0.3, 0.6, 0.9].map((r) => numericOptions(key, figures, () => r)).flatMap((o) => [...("texts" in o ? o.texts : []), ...o.wrong]);
  const cases = [
    ["en", "Korea's share of robot exports grew from 18% in 2018 to 27% in 2021. Japan's share was 21% in 2019. Germany's share was 24% in 2020. France's share was 30% in 2017. Italy's share was 33% in 2016. Spain's share was 15% in 2015.", "18%", "27%", "up"],
    ["zh", "韩国机器人销量从2018年的800台增至2021年的1200台。2019年日本机器人销量为900台。2020年德国机器人销量为1100台。2017年法国机器人销量为1300台。2016年意大利机器人销量为1500台。2015年西班牙机器人销量为1700台。", "800台", "1200台", "up"],
    ["zh", "韩国钢材库存由2018年的1200吨下降至2021年的800吨。2019年日本钢材库存为900吨。2020年德国钢材库存为1100吨。2017年法国钢材库存为1300吨。2016年意大利钢材库存为1500吨。2015年西班牙钢材库存为1700吨。", "1200吨", "800吨", "down"],
  ] as const;
  it.each(cases)("%s: %s", (language, text, from, to, direction) => {
    const figures = figuresOf(text, language);
    const start = figures.find((f) => f.text === from)!;
    const end = figures.find((f) => f.text === to)!;
    const [low, high] = [Math.min(start.value, end.value), Math.max(start.value, end.value)];
    // The start's options stay on its side of the end, and the end's on its side of the start.
    for (const t of everyRank(start, figures)) {
      const v = Number(t.replace(/[^\d.]/g, ""));
      if (direction === "up") expect(v, t).toBeLessThan(high);
      else expect(v, t).toBeGreaterThan(low);
    }
    for (const t of everyRank(end, figures)) {
      const v = Number(t.replace(/[^\d.]/g, ""));
      if (direction === "up") expect(v, t).toBeGreaterThan(low);
      else expect(v, t).toBeLessThan(high);
    }
  });
  it("reads no direction where none is stated between the two", () => {
    const figures = figuresOf("In 2018 Korea's share of robot exports was 18% and Japan's was 27%. Germany's share was 21% in 2019.", "en");
    expect(trendBounds(figures.find((f) => f.text === "18%")!, figures)).toEqual({ above: Number.NEGATIVE_INFINITY, below: Number.POSITIVE_INFINITY });
  });
});
