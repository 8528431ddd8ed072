import type { ExtractedFigure } from "./figures";
import { shownNumber } from "./format";

/**
 * The example answers the hint under a typed question shows ("80%, ８０％, 2973.7亿, 297.37
 * billion"): a percent, the same in full-width digits, an amount with 亿 and the same in billions.
 * An example must never be a figure of the lesson (issue 12): "2973.7亿" under a lesson that
 * says 2973.7亿美元 reads as a hint to the answer. So each is the first candidate whose numbers
 * (as shown and as a value) are none of the lesson's; candidates are spread out and not round.
 */
const PERCENTS = [80, 65, 45, 35, 55, 15, 75, 25, 85, 40];
const AMOUNTS = [2973.7, 1846.5, 3152.8, 4627.1, 2519.4, 3781.6, 1294.3, 5063.9];

const FULL_WIDTH = (s: string) => s.replace(/[0-9%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

export function typedExamples(figures: ExtractedFigure[]): string[] {
  const taken = new Set<number>();
  for (const f of figures) {
    taken.add(f.value);
    taken.add(shownNumber(f.mention));
  }
  const free = (...numbers: number[]) => numbers.every((n) => !taken.has(n));
  const firstFree = (candidates: number[], numbers: (c: number) => number[], step: number) => {
    // The lists are longer than a lesson is likely to collide with; past them, step on.
    for (let c = candidates[0], i = 0; ; i++, c = i < candidates.length ? candidates[i] : Math.round((c + step) * 10) / 10) if (free(...numbers(c))) return c;
  };
  const percent = firstFree(PERCENTS, (p) => [p, p / 100], 1);
  const amount = firstFree(AMOUNTS, (a) => [a, Math.round(a * 1e7) / 1e8, Math.round(a * 1e8)], 11.1);
  const billions = Math.round(amount * 1e7) / 1e8; // 2973.7亿 = 297.37 billion
  return [`${percent}%`, FULL_WIDTH(`${percent}%`), `${amount}亿`, `${billions} billion`];
}
