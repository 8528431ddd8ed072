import Decimal from "decimal.js";
import { figuresInParagraph } from "./figure-index";
import type { ExtractedFigure } from "./figures";
import { scaleFactor, unitLabel, withoutHedge } from "./format";
import type { Language } from "./schema";
import { toleranceFor } from "./typed-answer";

export interface TypedQuestionKey {
  answerText: string;
  answerValue: number;
  tolerance: number;
  answerUnit: string;
  /** Set when the key is asked rounded ("154万件" for 1542002件): the stem says so. */
  rounded: boolean;
}

const LONG = 100_000;
const SIGNIFICANT = 3;

/**
 * The figure in the form a reader remembers: a long integer written out in full (1542002件,
 * $1,542,002) is asked as 154万件 / $1.54 million, to three significant figures, with that
 * precision's tolerance. Null when the figure is asked as written.
 */
function roundedForm(f: ExtractedFigure, language: Language): { text: string; unit: string; value: number; decimals: number; scale: number } | null {
  if (f.kind !== "count" && f.kind !== "money") return null;
  if (f.scale || f.decimals > 0) return roundedMantissa(f);
  if (Math.abs(f.value) < LONG) return null;
  const [scale, word] = language === "zh" ? (Math.abs(f.value) >= 1e8 ? [1e8, "亿"] : [1e4, "万"]) : Math.abs(f.value) >= 1e9 ? [1e9, "billion"] : [1e6, "million"];
  const shown = new Decimal(f.value).div(scale).toSignificantDigits(SIGNIFICANT);
  const decimals = Math.max(0, shown.decimalPlaces());
  const digits = shown.toFixed(decimals);
  const written = withoutHedge(f.mention);
  const num = written.match(/\d{1,3}(?:,\d{3})+|\d+/)!;
  const before = written.slice(0, num.index).trim();
  const after = written.slice(num.index! + num[0].length).trim();
  const text = language === "zh" ? `${before}${digits}${word}${after}` : [`${before}${digits}`, word, after].filter(Boolean).join(" ");
  const unit = language === "zh" ? `${before ? `${before} … ` : ""}${word}${after}` : [before ? `${before} …` : "…", word, after].filter(Boolean).join(" ");
  return { text, unit, value: shown.times(scale).toNumber(), decimals, scale };
}

/**
 * A figure written with a scale word or decimals and more than four significant digits
 * (5738.3亿美元, $187.36 billion) is asked to three significant figures in its own scale word
 * (5740亿美元, $187 billion): nobody remembers the fifth digit.
 */
function roundedMantissa(f: ExtractedFigure): { text: string; unit: string; value: number; decimals: number; scale: number } | null {
  const written = withoutHedge(f.mention);
  const num = written.match(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/);
  if (!num) return null;
  const mantissa = new Decimal(num[0].replace(/,/g, ""));
  const significant = num[0].replace(/\D/g, "").replace(/^0+/, "").replace(/0+$/, "").length;
  if (significant <= 4) return null;
  const scale = scaleFactor(f.mention);
  const shown = mantissa.toSignificantDigits(SIGNIFICANT);
  const text = written.slice(0, num.index) + shown.toFixed(Math.max(0, shown.decimalPlaces())) + written.slice(num.index! + num[0].length);
  // The precision of three significant figures: 1870 is on a grid of 10 (decimals -1), 187 of 1.
  const decimals = SIGNIFICANT - 1 - Math.floor(Math.log10(Math.abs(mantissa.toNumber())));
  return { text, unit: unitLabel(f.mention), value: shown.times(scale).toNumber(), decimals, scale };
}

/**
 * The key of a typed question on `f`: its value, its unit label and a tolerance of half the last
 * digit shown (widened by a hedge), but never so wide that it admits another figure of the same
 * unit in the same paragraph ("3倍" must not accept 2.8倍 written beside it).
 */
export function typedKeyFor(f: ExtractedFigure, documentFigures: ExtractedFigure[], language: Language): TypedQuestionKey {
  const rounded = roundedForm(f, language);
  let tolerance = rounded
    ? toleranceFor(rounded.decimals, rounded.scale, rounded.value, f.mention.hedgeDirection)
    : toleranceFor(f.decimals, scaleFactor(f.mention), f.value, f.mention.hedgeDirection);
  const value = rounded?.value ?? f.value;
  // Only the paragraph's figures: scanning the whole document for every key was quadratic.
  for (const other of figuresInParagraph(documentFigures, f.paragraphId)) {
    if (other.id === f.id || other.kind !== f.kind || other.unit !== f.unit || other.value === f.value) continue;
    tolerance = Math.min(tolerance, Math.abs(other.value - value) / 2);
  }
  return rounded
    ? { answerText: rounded.text, answerValue: rounded.value, tolerance, answerUnit: rounded.unit, rounded: true }
    : { answerText: withoutHedge(f.mention), answerValue: f.value, tolerance, answerUnit: unitLabel(f.mention), rounded: false };
}
