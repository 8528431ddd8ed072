import Decimal from "decimal.js";
import type { FigureKind } from "./schema";
import { pushAll } from "../arrays";
import { toHalfWidth } from "./text";
import { buildMemo } from "./build-memo";

/** A number found in text, with what it measures and how precisely it was written. */
export interface NumberMention {
  /** The words as written, hedge and unit included ("more than 90%", "2973.7亿美元"). */
  text: string;
  start: number;
  end: number;
  /** In base units: percent points for percents, currency units for money, items for counts. */
  value: number;
  kind: FigureKind;
  unit: string | null;
  currency: string | null;
  /** The scale word as written (亿, billion …), if any. */
  scale: string | null;
  /** Digits after the decimal point, as written. */
  decimals: number;
  hedge: string | null;
  /** lower: the true value is above (more than, 超过); upper: below (less than, 不足); approx: about. */
  hedgeDirection: "lower" | "upper" | "approx" | null;
}

const SCALE: Record<string, number> = {
  thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9,
  千: 1e3, 万: 1e4, 亿: 1e8, 万亿: 1e12,
};

const HEDGES: Record<string, NumberMention["hedgeDirection"]> = {
  "more than": "lower", over: "lower", "at least": "lower", "in excess of": "lower", "as high as": "lower",
  "less than": "upper", under: "upper", "up to": "upper", "no more than": "upper", nearly: "upper", almost: "upper",
  about: "approx", around: "approx", approximately: "approx", roughly: "approx", some: "approx", "close to": "approx",
  超过: "lower", 高于: "lower", 多于: "lower", 低于: "upper", 少于: "upper", 逾: "lower", 高达: "lower", 至少: "lower", 以上: "lower", 多: "lower", 余: "lower",
  不足: "upper", 近: "upper", 将近: "upper", 接近: "upper", 以下: "upper", 不到: "upper",
  约: "approx", 大约: "approx", 左右: "approx",
};

const COUNTERS = ["件", "台", "家", "项", "人", "个", "吨", "辆", "篇", "所"];
const CURRENCY_WORDS: Record<string, string> = { 美元: "USD", 元: "CNY", 人民币: "CNY", dollars: "USD", "us dollars": "USD", "u.s. dollars": "USD", yuan: "CNY", euros: "EUR", $: "USD", us$: "USD", usd: "USD", rmb: "CNY", "¥": "CNY", "€": "EUR" };

const EN = new RegExp(
  [
    String.raw`(?<hedge>\b(?:more than|in excess of|as high as|at least|less than|no more than|up to|nearly|almost|about|around|approximately|roughly|close to|over|under)\s+)?`,
    String.raw`(?<cur>US\$|\$|USD\s?|RMB\s?|¥|€)?`,
    String.raw`(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`,
    String.raw`(?:\s?(?<scale>thousand|million|billion|trillion|bn)\b)?`,
    String.raw`(?:\s?(?<suffix>%|percent\b|per cent\b|percentage points?\b|(?:US |U\.S\. )?dollars\b|yuan\b|euros\b|times\b|-fold\b))?`,
  ].join(""),
  "gi",
);

const ZH = new RegExp(
  [
    String.raw`(?<hedge>超过|高于|多于|高达|至少|不足|低于|少于|将近|接近|不到|大约|逾|近|约)?`,
    String.raw`(?<num>\d+(?:\.\d+)?)`,
    String.raw`(?<scale>万亿|亿|万|千)?`,
    String.raw`(?<suffix>%|美元|人民币|元|倍|年|${COUNTERS.join("|")})?`,
    String.raw`(?<post>以上|以下|左右|多|余)?`,
  ].join(""),
  "g",
);

const ZH_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Chinese numerals up to the thousands (十二 → 12, 三百零五 → 305), with 点 for decimals. */
export function chineseNumeral(text: string): number | null {
  const [intPart, fracPart] = text.split("点");
  let total = 0;
  let digit = 0;
  for (const ch of intPart) {
    const unit = { 十: 10, 百: 100, 千: 1000 }[ch];
    if (ch in ZH_DIGITS) digit = ZH_DIGITS[ch];
    else if (unit) {
      total += (digit || (unit === 10 ? 1 : 0)) * unit;
      digit = 0;
    } else return null;
  }
  total += digit;
  if (fracPart === undefined) return total;
  const frac = [...fracPart].map((c) => ZH_DIGITS[c]);
  if (frac.some((d) => d === undefined)) return null;
  return Number(`${total}.${frac.join("")}`);
}

/**
 * `raw` (digits, maybe a point) times a power of ten, as `new Decimal(raw).times(factor).toNumber()`
 * gives it. Written as "2973.7e8", the number parser rounds the exact product once, as decimal.js's
 * exact product (up to its 20 significant digits) is rounded by `toNumber`; without two Decimal
 * objects per figure, which a long document reads hundreds of thousands of times.
 */
function scaled(raw: string, factor: number): number {
  if (raw.length > 20) return new Decimal(raw).times(factor).toNumber(); // beyond decimal.js's precision
  return Number(`${raw}e${Math.round(Math.log10(factor))}`);
}

function decimalsOf(num: string): number {
  const dot = num.indexOf(".");
  return dot < 0 ? 0 : num.length - dot - 1;
}

function isStructural(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 1), start);
  const after = text.slice(end, end + 1);
  if (/[A-Za-z\[]/.test(before) || /[A-Za-z\]]/.test(after)) return true; // 5G, 3D, F42, [3]
  if (/^\s*$/.test(text.slice(0, start)) && /^[.、]/.test(text.slice(end))) return true; // "1. Cosmetics"
  return false;
}

function classify(suffix: string | undefined, cur: string | undefined, scale: string | undefined): { kind: FigureKind; unit: string | null; currency: string | null } | null {
  const s = suffix?.toLowerCase().trim();
  if (s === "%" || s === "percent" || s === "per cent") return { kind: "percent", unit: "%", currency: null };
  if (s?.startsWith("percentage point")) return { kind: "percent", unit: "pp", currency: null };
  if (s === "倍" || s === "times" || s === "-fold") return { kind: "ratio", unit: "×", currency: null };
  const currency = (cur && CURRENCY_WORDS[cur.toLowerCase().trim()]) || (s && CURRENCY_WORDS[s]) || null;
  if (currency) return { kind: "money", unit: currency, currency };
  if (s && COUNTERS.includes(s)) return { kind: "count", unit: s, currency: null };
  if (scale) return { kind: "count", unit: null, currency: null };
  return null;
}

/**
 * Finds the figures in one sentence: percents, money, counts with a counter or scale, ratios and
 * years, each with its hedge and the precision it was written with. Structural numbers (list and
 * reference numbers, codes such as 5G or F42) and bare numbers without a unit are left out, and
 * so are both ends of a range (19%~23%), which no single value answers.
 */
/**
 * findNumbers, answered once per text in a build (build-memo.ts): a sentence's numbers are read by
 * extraction, by each of its figures' swaps and checks, and option texts repeat across questions.
 * The answer is shared, so it is read-only.
 */
export function numbersIn(text: string, language: "en" | "zh"): readonly NumberMention[] {
  // The memo's name is a constant: a name written out per call is a new string to hash each time.
  return buildMemo(language === "zh" ? "numbers-zh" : "numbers-en", text, () => findNumbers(text, language));
}

export function findNumbers(sentence: string, language: "en" | "zh"): NumberMention[] {
  const text = toHalfWidth(sentence);
  const out: NumberMention[] = [];
  const re = language === "zh" ? ZH : EN;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!m[0]) {
      re.lastIndex++;
      continue;
    }
    const g = m.groups!;
    const numStart = m.index + m[0].indexOf(g.num);
    const numEnd = numStart + g.num.length;
    const start = m.index;
    let end = m.index + m[0].length;
    // Trailing spaces captured before a missing suffix are not part of the figure.
    while (end > start && text[end - 1] === " ") end--;
    if (isStructural(text, g.cur ? start + (g.hedge?.length ?? 0) : numStart, g.suffix || g.scale || g.post ? numEnd : numEnd)) continue;
    const rangeBefore = /[~～\-—至到]\s*$/.test(text.slice(Math.max(0, start - 2), start)) && /\d[%]?\s*[~～\-—至到]\s*$/.test(text.slice(Math.max(0, start - 8), start));
    const rangeAfter = /^\s*[~～\-—至到]\s*\d/.test(text.slice(end));
    if (rangeBefore || rangeAfter) continue;

    const raw = g.num.replace(/,/g, "");
    const isYear = /^(19|20)\d{2}$/.test(raw) && !g.scale && !g.cur && (!g.suffix || g.suffix === "年");
    if (language === "zh" && g.suffix === "年" && !isYear) continue; // "十年" durations
    let kind: FigureKind;
    let unit: string | null = null;
    let currency: string | null = null;
    if (isYear) {
      if (language === "en" && g.hedge) continue;
      kind = "year";
    } else {
      const c = classify(g.suffix, g.cur, g.scale);
      if (!c) continue;
      ({ kind, unit, currency } = c);
    }
    const scaleWord = g.scale ?? null;
    const factor = scaleWord ? SCALE[scaleWord.toLowerCase()] ?? 1 : 1;
    const hedgeWord = (g.hedge ?? g.post ?? "").trim().toLowerCase() || null;
    out.push({
      text: sentence.slice(start, end),
      start,
      end,
      value: scaled(raw, factor),
      kind,
      unit,
      currency,
      scale: scaleWord,
      decimals: decimalsOf(raw),
      hedge: hedgeWord,
      hedgeDirection: hedgeWord ? HEDGES[hedgeWord] ?? null : null,
    });
  }
  if (language === "zh") pushAll(out, chineseWordNumbers(sentence));
  return out.sort((a, b) => a.start - b.start);
}

/** 八成 (80%), 百分之十二 (12%), 三倍 (3×): figures written in Chinese numerals. */
function chineseWordNumbers(sentence: string): NumberMention[] {
  const out: NumberMention[] = [];
  const patterns: [RegExp, (n: number) => Omit<NumberMention, "text" | "start" | "end" | "decimals" | "hedge" | "hedgeDirection">][] = [
    [/百分之([零一二两三四五六七八九十百点]+)/g, (n) => ({ value: n, kind: "percent", unit: "%", currency: null, scale: null })],
    [/([一二三四五六七八九])成/g, (n) => ({ value: n * 10, kind: "percent", unit: "%", currency: null, scale: null })],
    [/([两三四五六七八九十]+)倍/g, (n) => ({ value: n, kind: "ratio", unit: "×", currency: null, scale: null })],
  ];
  for (const [re, make] of patterns) {
    for (const m of sentence.matchAll(re)) {
      const n = chineseNumeral(m[1]);
      if (n === null) continue;
      out.push({ text: m[0], start: m.index!, end: m.index! + m[0].length, decimals: 0, hedge: null, hedgeDirection: null, ...make(n) });
    }
  }
  return out;
}
