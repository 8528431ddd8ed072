import Decimal from "decimal.js";
import { chineseNumeral } from "./numbers";
import { toHalfWidth } from "./text";
import { serializeReadAs } from "@/lib/quiz/read-as";

const SCALES: Record<string, number> = {
  k: 1e3, thousand: 1e3, m: 1e6, mn: 1e6, million: 1e6, b: 1e9, bn: 1e9, billion: 1e9, t: 1e12, tn: 1e12, trillion: 1e12,
  千: 1e3, 万: 1e4, 亿: 1e8, 万亿: 1e12,
};

export interface ReadNumber {
  /** The number as typed, before any scale (297.37 for "297.37 billion"). */
  number: number;
  /** The scale factor typed with it, or null when none was typed. */
  scale: number | null;
  percent: boolean;
  /** The unit typed with it, as written ("tons", "件", "$"), or null when none was typed. */
  unit: string | null;
}

// Units that measure the same thing, by family: a typed unit of another family is another quantity.
const UNIT_FAMILIES: [RegExp, string][] = [
  [/^(%|percent|per cent|pp|percentage points?|成|百分之)$/, "%"],
  [/^(倍|×|times|-fold|fold)$/, "×"],
  [/^(美元|us\$|\$|usd|dollars|us dollars|u\.s\. dollars)$/, "USD"],
  [/^(元|人民币|rmb|¥|yuan)$/, "CNY"],
  [/^(€|euros?|eur)$/, "EUR"],
  [/^(吨|tons?|tonnes?)$/, "t"],
  [/^(件|台|家|项|人|个|辆|篇|所)$/, "count:"],
];

/** The family of a unit as typed or labelled ("tons" → t, "亿美元" → USD), or null if unknown. */
export function unitFamily(unit: string): string | null {
  const u = unit.trim().toLowerCase();
  for (const [re, family] of UNIT_FAMILIES) if (re.test(u)) return family === "count:" ? `count:${u}` : family;
  return null;
}

/** The family of a question's unit label ("亿美元", "… billion US dollars", "$ … million", "万件", "%"). */
export function labelFamily(label: string): string | null {
  const words = label.toLowerCase().replace(/…/g, " ").replace(/万亿|亿|万|千|\b(thousand|million|billion|trillion)\b/g, " ").trim();
  if (!words) return null;
  return unitFamily(words) ?? words.split(/\s+/).map(unitFamily).find(Boolean) ?? [...words].map(unitFamily).find(Boolean) ?? null;
}

/**
 * Reads a student's typed number: "80", "80%", "８０％", "八成", "百分之八十", "2973.7亿",
 * "297.37 billion", "$297.37bn", "1,542,002件", "154.2万". Returns null when it is not a number.
 */
export function readTypedNumber(input: string): ReadNumber | null {
  const text = toHalfWidth(input).trim().toLowerCase().replace(/\s+/g, " ");
  const cheng = text.match(/^(?:约|大约)?([一二三四五六七八九])成$/);
  if (cheng) return { number: chineseNumeral(cheng[1])! * 10, scale: null, percent: true, unit: "成" };
  const baifen = text.match(/^百分之([零一二两三四五六七八九十百点]+)$/);
  if (baifen) {
    const n = chineseNumeral(baifen[1]);
    return n === null ? null : { number: n, scale: null, percent: true, unit: "百分之" };
  }
  const m = text.match(
    /^(?:about |around |approximately |more than |over |less than |约|大约|超过|近)?(us\$|\$|usd ?|rmb ?|¥|€)?\s*(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)\s*(万亿|亿|万|千|thousand|million|billion|trillion|bn|mn|tn|k|m|b|t)?\s*(%|percent|per cent|pp|美元|元|人民币|件|台|家|项|人|个|吨|辆|篇|所|倍|times|tonnes|tons|us dollars|dollars|usd|yuan|euros|以上|左右)?\s*(以上|左右)?$/,
  );
  if (!m) return null;
  const number = Number(m[2].replace(/,/g, ""));
  if (!Number.isFinite(number)) return null;
  const unit = m[1]?.trim() || (m[4] && m[4] !== "以上" && m[4] !== "左右" ? m[4] : null);
  return { number, scale: m[3] ? SCALES[m[3]] : null, percent: m[4] === "%" || m[4] === "percent" || m[4] === "per cent", unit };
}

export interface TypedKey {
  value: number;
  tolerance: number;
  /** The scale the source used (1e8 for 亿): a number typed without a scale is read in it. */
  scale: number;
  /** How to describe a value to the student, e.g. (v) => "2973.7亿美元". */
  describe: (value: number) => string;
  /** The question's unit label and language: an answer in another unit is wrong, and told so. */
  unitLabel?: string;
  language?: string;
}

/**
 * Grades a typed answer by value within the tolerance, and says how the input was read: the value in
 * the question's words, or (another unit) a code the page words in the reader's language
 * (lib/quiz/read-as.ts).
 */
export function gradeTyped(input: string, key: TypedKey): { correct: boolean; value: number | null; readAs: string | null } {
  const read = readTypedNumber(input);
  if (!read) return { correct: false, value: null, readAs: null };
  const asked = key.unitLabel ? labelFamily(key.unitLabel) : null;
  const typed = read.unit ? unitFamily(read.unit) : null;
  if (asked && typed && asked !== typed) {
    const shownUnit = key.unitLabel!.replace(/…/g, "").replace(/\s+/g, " ").trim();
    return { correct: false, value: null, readAs: serializeReadAs({ wrongUnit: { input: input.trim(), typed: read.unit!, asked: shownUnit } }) };
  }
  // A number typed without a scale is read in the source's scale ("2973.7" for 亿美元) or, if that
  // does not match, as written in full ("297,370,000,000").
  const readings = read.scale !== null ? [read.scale] : [key.scale, 1];
  const values = readings.map((scale) => new Decimal(read.number).times(scale).toNumber());
  const within = (v: number) => Math.abs(v - key.value) <= key.tolerance + 1e-9 * Math.abs(key.value);
  const value = values.find(within) ?? values[0];
  return { correct: within(value), value, readAs: key.describe(value) };
}

/**
 * Half a unit of the last digit shown, in base units, widened by a hedge: twice for a bound
 * ("more than 90%": the student gives the bound), and at least 5% of the value for "about".
 */
export function toleranceFor(decimals: number, scale: number, value: number, hedgeDirection: "lower" | "upper" | "approx" | null): number {
  const half = new Decimal(10).pow(-decimals).div(2).times(scale).toNumber();
  if (hedgeDirection === "approx") return Math.max(half, Math.abs(value) * 0.05);
  if (hedgeDirection) return half * 2;
  return half;
}

const LABEL_SCALES: [RegExp, number][] = [
  [/万亿/, 1e12], [/亿/, 1e8], [/万/, 1e4], [/千/, 1e3],
  [/\btrillion\b/i, 1e12], [/\bbillion\b|\bbn\b/i, 1e9], [/\bmillion\b/i, 1e6], [/\bthousand\b/i, 1e3],
];

/** The scale a unit label names ("亿美元" → 1e8, "billion US dollars" → 1e9, "%" → 1). */
export function scaleOfUnitLabel(label: string): number {
  return LABEL_SCALES.find(([re]) => re.test(label))?.[1] ?? 1;
}

/** The typed-answer key of a generated question: value, tolerance and how to read and describe input. */
export function typedKeyOf(q: { answerValue?: number | null; tolerance?: number | null; answerUnit?: string | null; language: string }): TypedKey | null {
  if (q.answerValue == null) return null;
  const unit = q.answerUnit ?? "";
  const scale = scaleOfUnitLabel(unit);
  const joiner = q.language === "zh" || unit === "%" || unit.startsWith("…") ? "" : " ";
  return {
    value: q.answerValue,
    tolerance: q.tolerance ?? 0,
    scale,
    unitLabel: unit,
    language: q.language,
    describe: (v) => {
      const shown = new Decimal(v).div(scale).toSignificantDigits(12).toString();
      return unit.includes("…") ? unit.replace("…", shown).replace(/\s+/g, " ") : `${shown}${joiner}${unit}`.trim();
    },
  };
}
