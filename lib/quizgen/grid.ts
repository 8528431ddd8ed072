import Decimal from "decimal.js";

// Grid arithmetic on the decimal a number is written as (String(v), which is also what decimal.js
// reads a number as), done on its digits: the same results as decimal.js, without its objects.
// Numbers written with an exponent (1e-7, 1e21) and long digit strings go to decimal.js.

interface Digits {
  negative: boolean;
  /** All digits, without the point or leading sign. */
  digits: string;
  /** How many of them stand before the point. */
  point: number;
}

function digitsOf(v: number): Digits | null {
  if (!Number.isFinite(v)) return null;
  const s = String(v);
  if (s.includes("e")) return null;
  const body = v < 0 ? s.slice(1) : s;
  const negative = v < 0 || Object.is(v, -0);
  const dot = body.indexOf(".");
  return dot < 0 ? { negative, digits: body, point: body.length } : { negative, digits: body.slice(0, dot) + body.slice(dot + 1), point: dot };
}

/**
 * The value rounded to the nearest multiple of a power-of-ten grid, half away from zero, as
 * decimal.js's `new Decimal(value).div(grid).round().times(grid).toNumber()` gives it.
 */
export function snapToGrid(value: number, grid: number): number {
  // Distractor walks put the same values of a document on the same grids again and again: the
  // answers are kept per grid (a pure function; zero is left out, as a Map does not tell -0 from 0).
  if (value === 0) return snapOnce(value, grid);
  let memo = snapped.get(grid);
  if (!memo) snapped.set(grid, (memo = new Map()));
  let out = memo.get(value);
  if (out === undefined) {
    if (memo.size >= 100_000) memo.clear(); // bounded: a long-running server builds many documents
    memo.set(value, (out = snapOnce(value, grid)));
  }
  return out;
}
const snapped = new Map<number, Map<number, number>>();

function snapOnce(value: number, grid: number): number {
  const exponent = Math.round(Math.log10(grid));
  const d = 10 ** exponent === grid ? digitsOf(value) : null;
  if (!d) return new Decimal(value).div(grid).round().times(grid).toNumber();
  const keep = d.point - exponent; // digits kept before the rounding digit
  let kept = keep > 0 ? d.digits.slice(0, keep).padEnd(keep, "0") : "0";
  const next = keep >= 0 ? (d.digits[keep] ?? "0") : "0";
  if (kept.length > 15) return new Decimal(value).div(grid).round().times(grid).toNumber();
  if (next >= "5") kept = String(Number(kept) + 1);
  return Number(`${d.negative ? "-" : ""}${kept}e${exponent}`);
}

/** The grid a value falls on once trailing zeros are dropped: 3.00 → 1, 3.22 → 0.01, 2000 → 1000. */
export function naturalGrid(value: number, decimals: number): number {
  const d = digitsOf(value);
  if (!d || !Number.isInteger(decimals)) {
    let grid = new Decimal(10).pow(-decimals);
    const exact = new Decimal(value);
    if (exact.isZero()) return grid.toNumber();
    while (grid.lt(1000) && exact.mod(grid.times(10)).isZero()) grid = grid.times(10);
    return grid.toNumber();
  }
  const lowest = d.digits.search(/0*$/) - 1; // index of the last non-zero digit
  if (lowest < 0) return Number(`1e${-decimals}`); // zero
  const place = d.point - 1 - lowest; // its power of ten
  return Number(`1e${Math.max(-decimals, Math.min(3, place))}`);
}

/** The value divided by a power of ten, as `new Decimal(value).div(factor).toNumber()` gives it. */
export function divideByPowerOfTen(value: number, factor: number): number {
  const exponent = Math.round(Math.log10(factor));
  const s = String(value);
  if (10 ** exponent !== factor || !Number.isFinite(value) || s.includes("e")) return new Decimal(value).div(factor).toNumber();
  return Number(`${Object.is(value, -0) ? "-" : ""}${s}e${-exponent}`);
}

/** The value written with `decimals` decimals, rounded half away from zero, as `new Decimal(value).toFixed(decimals)`. */
export function toFixedDecimal(value: number, decimals: number): string {
  const d = Number.isInteger(decimals) && decimals >= 0 && decimals <= 20 ? digitsOf(value) : null;
  const keep = d ? d.point + decimals : 0;
  if (!d || keep > 15) return new Decimal(value).toFixed(decimals);
  let kept = keep > 0 ? d.digits.slice(0, keep).padEnd(keep, "0") : "0";
  const next = keep >= 0 ? (d.digits[keep] ?? "0") : "0";
  if (next >= "5") kept = String(Number(kept) + 1);
  kept = kept.padStart(decimals + 1, "0");
  const whole = kept.slice(0, kept.length - decimals).replace(/^0+(?=\d)/, "");
  return `${d.negative && value !== 0 ? "-" : ""}${whole}${decimals > 0 ? `.${kept.slice(kept.length - decimals)}` : ""}`;
}
