import { describe, expect, it } from "vitest";
import { numericOptions, trendBounds } from "./distractors";
import { extractFigures } from "./figures";
import { parseDocument } from "./parse-document";
import { swapGivesAway } from "./tf-swap";
import { build, lexicon } from "./test-helpers";

// Issue 12: questions a teacher would hand out as they are. Texts written for these tests.
const doc = (text: string, language: "en" | "zh") => `---\ntitle: T\nlanguage: ${language}\n---\n${text}\n`;
const questionsOf = (text: string, language: "en" | "zh") => build([{ name: "t.txt", text: doc(text, language) }]).bundle;
const figuresOf = (text: string, language: "en" | "zh") => extractFigures(parseDocument("t.txt", doc(text, language)), lexicon);
const number = (t: string) => Number(t.replace(/[^\d.]/g, ""));

describe("true/false swaps that contradict their own sentence (issue 12, defect 1)", () => {
  it.each([
    ["zh", "2022年，荷兰向德国和法国出口郁金香球茎分别为3400万个和2100万个，合计5500万个。", ["3400万个", "2100万个", "5500万个"]],
    ["en", "In 2021, the port of Gdansk earned 36 million US dollars from grain and the port of Gdynia 54 million US dollars, a total of 90 million US dollars.", ["36 million US dollars", "54 million US dollars", "90 million US dollars"]],
  ] as const)("%s: a part or the total of a stated sum is not swapped (the sum would no longer add up)", (language, text, keys) => {
    const figures = figuresOf(text, language);
    for (const key of keys) {
      const f = figures.find((x) => x.text === key)!;
      expect(f, key).toBeDefined();
      const wrong = numericOptions(f, figures, () => 0.4).wrong;
      expect(wrong.length, key).toBeGreaterThan(0);
      for (const w of wrong) expect(swapGivesAway(f, w, language), `${key} → ${w}`).not.toBeNull();
    }
  });

  it.each([
    ["zh", "2021年，智利铜矿出口额为1200亿美元，秘鲁为400亿美元，前者是后者的3倍。", "1200亿美元", "1500亿美元"],
    ["zh", "2021年，智利铜矿出口额为1200亿美元，秘鲁为400亿美元，前者是后者的3倍。", "3倍", "4倍"],
    ["en", "In 2020, Chile exported copper worth 24 billion US dollars, 3 times Peru's 8 billion US dollars.", "24 billion US dollars", "32 billion US dollars"],
  ] as const)("%s: a figure tied to another by a stated multiple is not swapped", (language, text, key, wrong) => {
    const figures = figuresOf(text, language);
    const f = figures.find((x) => x.text === key)!;
    expect(f, key).toBeDefined();
    expect(swapGivesAway(f, wrong, language)).not.toBeNull();
  });

  it("zh: a sector named by two words is not swapped (the swap would write one name twice)", () => {
    const bundle = questionsOf("2021年，韩国的半导体出口额为1280亿美元，台湾的芯片出口额为940亿美元。", "zh");
    const all = [...bundle.questions, ...(bundle.reviewOnlyQuestions ?? [])];
    const swapped = all.filter((q) => q.type === "true-false" && q.answerBool === false && q.sectorIds.includes("semiconductors"));
    expect(swapped.map((q) => q.stem)).toEqual([]);
    expect(bundle.rejected.some((r) => r.reasons.some((x) => x.includes("names the sector twice in different words")))).toBe(true);
  });
});

describe("a stated change is read in the key's own clause (issue 12, defect 2)", () => {
  it.each([
    ["zh", "日本钢材库存有所下降,韩国钢材库存则由2018年的800吨增至2021年的1200吨。", "800吨", { above: Number.NEGATIVE_INFINITY, below: 1200 }],
    ["en", "Japan's steel exports fell, while South Korea's steel exports rose from 800 million US dollars in 2018 to 1,200 million US dollars in 2021.", "800 million US dollars", { above: Number.NEGATIVE_INFINITY, below: 1200 }],
    ["zh", "韩国钢材库存由2018年的800吨增至2021年的1200吨,日本钢材库存有所下降。", "1200吨", { above: 800, below: Number.POSITIVE_INFINITY }],
  ] as const)("%s: a change word of another clause neither cancels nor reverses the clause's own", (language, text, key, expected) => {
    const figures = figuresOf(text, language);
    const f = figures.find((x) => x.text === key)!;
    expect(f, key).toBeDefined();
    expect(trendBounds(f, figures)).toEqual(expected);
  });

  it("zh: a fall word in the sentence before (shown as context) changes nothing", () => {
    const text = "日本钢材库存下降了两成。其中,韩国钢材库存由2018年的800吨增至2021年的1200吨。";
    const figures = figuresOf(text, "zh");
    const f = figures.find((x) => x.text === "800吨")!;
    expect(trendBounds(f, figures)).toEqual({ above: Number.NEGATIVE_INFINITY, below: 1200 });
  });
});

// The option that the other three are round multiples of (×1.25, ×1.3, ×1.5, ×1.6, ×2, ×2.5, ×3, ×4).
const ROUND = [1.25, 1.3, 1.5, 1.6, 2, 2.5, 3, 4];
const roundMultiple = (a: number, b: number) => ROUND.some((r) => Math.abs(Math.max(a, b) / Math.min(a, b) - r) < r * 0.01);

describe("numeric options do not give the key away by their pattern (issue 12, defect 3)", () => {
  it.each([
    ["zh", "2021年，挪威三文鱼对日出口额为640亿日元。2020年，智利铜矿出口额为370亿美元。2019年，冰岛渔船数量为1730艘。2022年，荷兰郁金香球茎出口量为2600万个。"],
    ["en", "In 2021, Norway exported salmon worth 640 million US dollars to Japan. In 2020, Iceland's fishing fleet landed 1,730 thousand tonnes of cod. In 2022, the Dutch flower auction sold 26 billion euros of tulips."],
  ] as const)("%s: the key is not the one option the others are round multiples of", (language, text) => {
    const mc = questionsOf(text, language).questions.filter((q) => q.type === "figure-mc" && q.options?.length === 4);
    expect(mc.length).toBeGreaterThan(0);
    for (const q of mc) {
      const key = number(q.answerText);
      const others = q.options!.filter((o) => o.id !== q.correctOptionId).map((o) => number(o.text));
      expect(others.every((o) => roundMultiple(o, key)), `${q.answerText}: ${q.options!.map((o) => o.text).join(", ")}`).toBe(false);
    }
  });
});

describe("the typed-question hint never shows a figure of the lesson (issue 12, defect 4)", () => {
  // Lessons written for this test whose figures are the hint's old examples (80%, 2973.7亿, 297.37 billion).
  it.each([
    ["zh", "2020年，瑞典森林覆盖率为80%。2021年，瑞典纸浆出口额为2973.7亿瑞典克朗。2022年，芬兰纸浆出口额为1846.5亿欧元，占其出口总额的65%。"],
    ["en", "In 2021, Sweden exported pulp worth 297.37 billion US dollars, and forests covered 80% of the country."],
  ] as const)("%s: every typed question's examples differ from every figure of its lesson", (language, text) => {
    const bundle = questionsOf(text, language);
    const typed = bundle.questions.filter((q) => q.type === "figure-typed");
    expect(typed.length).toBeGreaterThan(0);
    const lessonNumbers = new Set(bundle.figures.flatMap((f) => [f.value, number(f.text)]));
    for (const q of typed) {
      expect(q.typedExamples?.length, q.stem).toBeGreaterThan(0);
      for (const example of q.typedExamples!) {
        const shown = Number(example.normalize("NFKC").replace(/[^\d.]/g, ""));
        const absolute = shown * (/亿/.test(example) ? 1e8 : /billion/.test(example) ? 1e9 : 1);
        expect(lessonNumbers.has(shown) || lessonNumbers.has(absolute), `${example} is a figure of the lesson`).toBe(false);
      }
    }
  });
});

describe("numeric options the stem rules out (issue 12, found reading defect 3's outputs)", () => {
  it.each([
    ["zh", "2021年，丹麦维斯塔斯以2460台的风机交付量，超过德国西门子的1830台和西班牙歌美飒的1570台。", "2460台", 1830],
    ["en", "In 2021, Vestas sold wind turbines worth 2,460 million US dollars in Asia, more than Siemens with 1,830 million US dollars.", "2,460 million US dollars", 1830],
  ] as const)("%s: when the sentence says the key is larger, no option or swap lies at or below the figure it exceeds", (language, text, key, exceeded) => {
    const figures = figuresOf(text, language);
    const f = figures.find((x) => x.text === key)!;
    expect(f, key).toBeDefined();
    const offered = [0.1, 0.3, 0.6, 0.9].flatMap((r) => {
      const o = numericOptions(f, figures, () => r);
      return [...("texts" in o ? o.texts : []), ...o.wrong];
    });
    expect(offered.length).toBeGreaterThan(0);
    for (const t of offered) expect(number(t), t).toBeGreaterThan(exceeded);
  });
});
