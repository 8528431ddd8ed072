import { describe, expect, it } from "vitest";
import { build } from "./test-helpers";

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
