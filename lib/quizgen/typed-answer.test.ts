import { describe, expect, it } from "vitest";
import { gradeTyped, readTypedNumber, toleranceFor } from "./typed-answer";

const percentKey = { value: 80, tolerance: toleranceFor(0, 1, 80, null), scale: 1, describe: (v: number) => `${v}%` };
const moneyKey = { value: 297_370_000_000, tolerance: toleranceFor(1, 1e8, 297_370_000_000, null), scale: 1e8, describe: (v: number) => `${v / 1e8}亿美元` };

describe("typed numbers", () => {
  it.each(["80", "80%", "80 %", "８０％", "八成", "百分之八十", "80 percent"])("reads %s as 80 percent", (input) => {
    expect(gradeTyped(input, percentKey).correct).toBe(true);
  });
  it.each(["2973.7亿", "2973.7亿美元", "297.37 billion", "$297.37bn", "297,370,000,000", "2973.7", "２９７３.７亿"])("reads %s as 2973.7亿美元", (input) => {
    expect(gradeTyped(input, moneyKey).correct).toBe(true);
  });
  it("says how the input was read", () => {
    expect(gradeTyped("297.37 billion", moneyKey).readAs).toBe("2973.7亿美元");
  });
  it("rejects values outside the tolerance and non-numbers", () => {
    expect(gradeTyped("81", percentKey).correct).toBe(false);
    expect(gradeTyped("2973.8亿", moneyKey).correct).toBe(false);
    expect(gradeTyped("eighty", percentKey)).toEqual({ correct: false, value: null, readAs: null });
    expect(readTypedNumber("")).toBeNull();
  });
  it("derives tolerance from precision and hedges", () => {
    expect(toleranceFor(2, 1, 2.18, null)).toBeCloseTo(0.005);
    expect(toleranceFor(1, 1e4, 432000, null)).toBe(500);
    expect(toleranceFor(0, 1, 90, "lower")).toBe(1);
    expect(toleranceFor(0, 1e9, 1e11, "approx")).toBe(5e9);
  });
  it("accepts the tolerance edges and not beyond", () => {
    const key = { value: 2.18, tolerance: toleranceFor(2, 1, 2.18, null), scale: 1, describe: String };
    expect(gradeTyped("2.185", key).correct).toBe(true);
    expect(gradeTyped("2.175", key).correct).toBe(true);
    expect(gradeTyped("2.19", key).correct).toBe(false);
  });
});

describe("typed keys of generated questions", () => {
  it("reads a bare number in the question's unit and describes what it read", async () => {
    const { typedKeyOf } = await import("./typed-answer");
    const zh = typedKeyOf({ answerValue: 297_370_000_000, tolerance: 5e6, answerUnit: "亿美元", language: "zh" })!;
    expect(gradeTyped("2973.7", zh)).toMatchObject({ correct: true, readAs: "2973.7亿美元" });
    const en = typedKeyOf({ answerValue: 1e11, tolerance: 5e9, answerUnit: "… billion US dollars", language: "en" })!;
    expect(gradeTyped("100", en).correct).toBe(true);
    expect(gradeTyped("$0.1 trillion", en).correct).toBe(true);
    expect(gradeTyped("100", en).readAs).toBe("100 billion US dollars");
    const pct = typedKeyOf({ answerValue: 2.18, tolerance: 0.005, answerUnit: "%", language: "zh" })!;
    expect(gradeTyped("２.１８％", pct)).toMatchObject({ correct: true, readAs: "2.18%" });
  });
});
