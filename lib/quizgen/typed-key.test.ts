import { parseReadAs, readAsText } from "@/lib/quiz/read-as";
import { describe, expect, it } from "vitest";
import { build } from "./test-helpers";
import { gradeTyped, typedKeyOf } from "./typed-answer";

const typedOf = (text: string, language: "en" | "zh") =>
  build([{ name: "t.txt", text: `---\ntitle: T\nlanguage: ${language}\n---\n${text}\n` }]).bundle.questions.filter((q) => q.type === "figure-typed");
const grade = (q: ReturnType<typeof typedOf>[number], input: string) => gradeTyped(input, typedKeyOf(q)!);

describe("typed keys: the tolerance never admits another figure of the same unit nearby", () => {
  it("does not accept 2.8倍 for 3倍 written in the same sentence", () => {
    const q = typedOf("2020年，中国锂电池出口额是日本的3倍，韩国锂电池出口额是日本的2.8倍。", "zh").find((x) => x.answerText === "3倍")!;
    expect(grade(q, "3").correct).toBe(true);
    expect(grade(q, "2.8倍").correct).toBe(false);
    expect(grade(q, "2.9").correct).toBe(true);
  });
  it("does not accept the other figure of the paragraph either", () => {
    const qs = typedOf("2021年德国风电装机容量增长了12%，创下五年来的新高。同年法国风电装机容量增长了12.4%，主要来自海上风电。", "zh");
    const twelve = qs.find((x) => x.answerText === "12%")!;
    expect(grade(twelve, "12").correct).toBe(true);
    expect(grade(twelve, "12.4").correct).toBe(false);
  });
});

describe("typed keys: long integers are asked in the rounded form a reader remembers", () => {
  it("asks 798347件 as 79.8万件, to three significant figures", () => {
    const [q] = typedOf("2022年中国发明专利授权量为798347件，比上年有较大增长。", "zh");
    expect(q.answerText).toBe("79.8万件");
    expect(q.stem).toContain("三位有效数字");
    for (const input of ["79.8万", "79.8万件", "798347", "798,000件"]) expect(grade(q, input).correct, input).toBe(true);
    expect(grade(q, "80万").correct).toBe(false);
    expect(grade(q, "79.8万台").correct).toBe(false);
  });
  it("asks a scaled figure of more than four significant digits in its own scale word, rounded (1873.6亿美元 → 1870亿美元)", () => {
    const [q] = typedOf("2019年日本的研发投入高达1873.6亿美元，居亚洲第二。", "zh");
    expect(q.answerText).toBe("1870亿美元");
    expect(q.stem).toContain("三位有效数字");
    for (const input of ["1870亿美元", "1873.6亿美元", "1870"]) expect(grade(q, input).correct, input).toBe(true);
    expect(grade(q, "1900亿美元").correct).toBe(false);
  });
  it("asks $187.36 billion as $187 billion; four digits stay as written", () => {
    const [q] = typedOf("In 2019 Japan spent $187.36 billion on research.", "en");
    expect(q.answerText).toBe("$187 billion");
    expect(typedOf("In 2019 Korea spent $98.45 billion on research.", "en")[0].answerText).toBe("$98.45 billion");
    expect(grade(q, "187.36 billion").correct).toBe(true);
    expect(grade(q, "190 billion").correct).toBe(false);
  });
  it("asks $1,542,002 as $1.54 million", () => {
    const [q] = typedOf("In 2022, the start-up paid $1,542,002 in licence fees for chip designs from abroad.", "en");
    expect(q.answerText).toBe("$1.54 million");
    expect(q.stem).toContain("three significant figures");
    expect(grade(q, "1.54 million").correct).toBe(true);
    expect(grade(q, "$1,542,002").correct).toBe(true);
    expect(grade(q, "1.6 million").correct).toBe(false);
  });
});

describe("typed answers: another unit is wrong, and the feedback says so", () => {
  it("refuses 12 tons and 12件 for 12%, naming both units", () => {
    const [q] = typedOf("In 2021, recycled steel made up 12% of the steel used by carmakers in Europe.", "en");
    expect(grade(q, "12%").correct).toBe(true);
    const tons = grade(q, "12 tons");
    expect(tons.correct).toBe(false);
    expect(parseReadAs(tons.readAs)).toEqual({ wrongUnit: { input: "12 tons", typed: "tons", asked: "%" } });
    expect(grade(q, "12件").correct).toBe(false);
  });
  it("refuses 元 for 美元 in a Chinese question", () => {
    const [q] = typedOf("2021年，中国光伏组件出口额为246.1亿美元，创历史新高。", "zh");
    expect(grade(q, "246.1亿美元").correct).toBe(true);
    const yuan = grade(q, "246.1亿元");
    expect(yuan.correct).toBe(false);
    expect(parseReadAs(yuan.readAs)).toEqual({ wrongUnit: { input: "246.1亿元", typed: "元", asked: "亿美元" } });
    expect(readAsText(yuan.readAs, "zh")).toBe("246.1亿元（你写的单位是“元”，本题问的是“亿美元”）");
  });
});
