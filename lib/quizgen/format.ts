import { divideByPowerOfTen, toFixedDecimal } from "./grid";
import type { NumberMention } from "./numbers";

const SCALE_FACTOR: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, 千: 1e3, 万: 1e4, 亿: 1e8, 万亿: 1e12 };

/** The figure as written without its hedge word ("more than 90%" → "90%", "10%左右" → "10%"). */
export function withoutHedge(m: NumberMention): string {
  let t = m.text;
  if (!m.hedge) return t;
  const h = m.hedge;
  t = t.replace(new RegExp(`^${h.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*`, "i"), "");
  t = t.replace(new RegExp(`${h}$`), "");
  return t.trim();
}

/** The number as shown in the source, in the source's scale (2973.7亿美元 → 2973.7). */
export function shownNumber(m: NumberMention): number {
  const factor = m.scale ? SCALE_FACTOR[m.scale.toLowerCase()] ?? 1 : 1;
  return divideByPowerOfTen(m.value, factor);
}

export function scaleFactor(m: NumberMention): number {
  return m.scale ? SCALE_FACTOR[m.scale.toLowerCase()] ?? 1 : 1;
}

/**
 * Writes another value in exactly the key's format: same decimals, same thousands separators,
 * same scale word and unit ("2973.7亿美元" with 2287.5 → "2287.5亿美元").
 */
export function formatLike(m: NumberMention, shown: number): string {
  const template = withoutHedge(m);
  const numMatch = template.match(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/);
  if (!numMatch) return String(shown);
  let digits = toFixedDecimal(shown, m.decimals);
  if (numMatch[0].includes(",")) {
    const [i, f] = digits.split(".");
    digits = i.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (f ? `.${f}` : "");
  }
  return template.slice(0, numMatch.index) + digits + template.slice(numMatch.index! + numMatch[0].length);
}

/** "亿美元", "%", "billion US dollars", "万件": what a typed answer is measured in. */
export function unitLabel(m: NumberMention): string {
  const template = withoutHedge(m);
  const numMatch = template.match(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/);
  if (!numMatch) return m.unit ?? "";
  const before = template.slice(0, numMatch.index).trim();
  const after = template.slice(numMatch.index! + numMatch[0].length).trim();
  return [before, after].filter(Boolean).join(" … ");
}
