import type { ExtractedFigure } from "./figures";
import { formatLike, scaleFactor, shownNumber } from "./format";
import { naturalGrid, snapToGrid } from "./grid";
import { orderCue } from "./order-cues";

export interface NumericOptions {
  /** Option texts sorted by value, the key among them. */
  texts: string[];
  keyIndex: number;
}

export interface NumericCandidates {
  /** Plausible wrong values in the key's format, nearest first: for true/false swaps. */
  wrong: string[];
}

/** The grid the key was written on: 80 → 10, 85 → 1, 2.18 → 0.01, 43.2 → 0.1. */
export function precisionGrid(shown: number, decimals: number): number {
  if (decimals > 0) return 10 ** -decimals;
  let grid = 1;
  let n = Math.round(Math.abs(shown));
  while (n !== 0 && n % 10 === 0 && grid < 1000) {
    grid *= 10;
    n /= 10;
  }
  return grid;
}

/** A document's figures with the same shown value, for one kind, unit and scale. */
interface ValueGroup {
  shown: number;
  figures: ExtractedFigure[];
}

const bucketOf = (f: ExtractedFigure) => `${f.kind}\u0000${f.unit}\u0000${scaleFactor(f.mention)}`;

// Built once per document's figure list (the generator passes the same array for every key).
const indexes = new WeakMap<ExtractedFigure[], Map<string, ValueGroup[]>>();

/** The document's figures by kind, unit and scale, grouped by shown value, ascending. */
function figureIndex(figures: ExtractedFigure[]): Map<string, ValueGroup[]> {
  let index = indexes.get(figures);
  if (index) return index;
  const byBucket = new Map<string, Map<number, ExtractedFigure[]>>();
  for (const f of figures) {
    const bucket = byBucket.get(bucketOf(f)) ?? byBucket.set(bucketOf(f), new Map()).get(bucketOf(f))!;
    const shown = shownNumber(f.mention);
    const group = bucket.get(shown);
    if (group) group.push(f);
    else bucket.set(shown, [f]);
  }
  index = new Map([...byBucket].map(([key, bucket]) => [key, [...bucket].map(([shown, fs]) => ({ shown, figures: fs })).sort((a, b) => a.shown - b.shown)]));
  indexes.set(figures, index);
  return index;
}

const roundIndexes = new WeakMap<ValueGroup[], Map<string, ValueGroup[]>>();

/**
 * The groups of one bucket whose value, put on the key's grid, is exactly as round as the key
 * (the only ones `add` can accept), still ascending. Built once per bucket, grid and decimals: a
 * key then walks past no value it must refuse, which in a long document were most of them.
 */
function asRoundAs(groups: ValueGroup[], grid: number, decimals: number, keyGrid: number): ValueGroup[] {
  let byRoundness = roundIndexes.get(groups);
  if (!byRoundness) roundIndexes.set(groups, (byRoundness = new Map()));
  const key = `${grid}|${decimals}|${keyGrid}`;
  let found = byRoundness.get(key);
  if (!found) {
    found = groups.filter((g) => naturalGrid(snapToGrid(g.shown, grid), decimals) === keyGrid);
    byRoundness.set(key, found);
  }
  return found;
}

/** The position of the first group whose value is at least `value` (binary search). */
function firstAtLeast(groups: ValueGroup[], value: number): number {
  let [low, high] = [0, groups.length];
  while (low < high) {
    const mid = (low + high) >> 1;
    if (groups[mid].shown < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

function bounds(f: ExtractedFigure, publicationYear: number): [number, number] {
  if (f.kind === "percent") return [0, f.mention.unit === "%" && shownNumber(f.mention) <= 100 ? 100 : Number.POSITIVE_INFINITY];
  if (f.kind === "year") return [1900, publicationYear];
  return [0, Number.POSITIVE_INFINITY];
}

/**
 * Numeric options for a figure, by the generation rules: other figures of the same kind, unit and
 * scale from the same document first (plausible and provably wrong for this blank; none within
 * 1% of the key), then a ladder on the key's own precision grid (percentage points for percents, uneven seeded steps of 8–19% for money and
 * counts, ±1–3 for years and ratios), within bounds. The key's rank among the four sorted options
 * is drawn uniformly; if not every rank is possible the figure gets no multiple-choice question.
 */
export function numericOptions(key: ExtractedFigure, documentFigures: ExtractedFigure[], random: () => number, publicationYear = 2100): (NumericOptions | { rejected: string }) & NumericCandidates {
  const shown = shownNumber(key.mention);
  const grid = precisionGrid(shown, key.decimals);
  const [lo, hi] = bounds(key, publicationYear);
  const onGrid = (v: number) => snapToGrid(v, grid);
  const keyText = formatLike(key.mention, shown);
  const keyGrid = naturalGrid(shown, key.decimals); // the same for every candidate: worked out once
  const candidates = new Map<string, number>(); // text → shown value

  // Values shown in the key's own sentence (the stem): an option equal to one of them is read off
  // the stem as "the other figure", so it is no distractor.
  // (Found through the key's siblings, not a scan of the document: once per key, that was quadratic.)
  const byId = idIndex(documentFigures);
  const shownValues = new Set(
    key.siblings
      .map((id) => byId.get(id))
      .filter((g): g is ExtractedFigure => !!g && g.id !== key.id && bucketOf(g) === bucketOf(key))
      .map((g) => shownNumber(g.mention)),
  );
  const trend = trendBounds(key, documentFigures);
  // When the sentence says which is larger ("超过芬兰的诺基亚(1427件)", "赶超美国…美国为7千件"), an
  // option on the other side of a figure the stem shows is ruled out by the stem: only the key
  // would be left standing. Options then keep the key's order against those figures, as a
  // true/false swap does (tf-swap.ts).
  const siblingFigures = key.siblings.map((id) => byId.get(id)).filter((g): g is ExtractedFigure => !!g && g.id !== key.id);
  const ordered = shownValues.size && orderCue(key.sentence, siblingFigures.map((g) => g.mention.text).concat(key.mention.text), /[\u4e00-\u9fff]/.test(key.sentence) ? "zh" : "en") ? [...shownValues] : [];
  const add = (v: number) => {
    // On the key's grid, so every option has the key's precision; never within 1% of the key,
    // which a reader who remembers "about 41%" could not tell from 41.4%.
    const value = onGrid(v);
    // Nor on the wrong side of a stated change ("从800件增至____": not 700件).
    if (value <= trend.above || value >= trend.below) return;
    if (value < lo || value > hi || (value <= 0 && key.kind !== "year") || value === shown || Math.abs(value - shown) < Math.abs(shown) * 0.01 || shownValues.has(value)) return;
    // Nor within 1% of a figure the stem shows: 12.41% beside a stem's 12.40% reads as that figure
    // copied (decisions/0112). The stem shows a handful of figures at most.
    for (const other of shownValues) if (Math.abs(value - other) < Math.abs(other) * 0.01) return;
    for (const other of ordered) if (Math.sign(value - other) !== Math.sign(shown - other)) return;
    // As round as the key: 2000件 beside a key of 2022件 marks the key as the odd one out.
    if (naturalGrid(value, key.decimals) !== keyGrid) return;
    const text = formatLike(key.mention, value);
    if (text !== keyText && !candidates.has(text)) candidates.set(text, value);
  };

  // Other figures of the document, same kind, unit and scale, not shown in the same sentence, and
  // not wildly off (a distractor 50× the key is no distractor). Only the three nearest distinct
  // values on each side can be used (pick() below takes at most three, document values first), so
  // they are found by walking outwards from the key in the document's sorted index.
  const docValues: number[] = [];
  const sameSentence = new Set(key.siblings);
  const usable = (group: ValueGroup) => group.figures.some((f) => f.id !== key.id && !sameSentence.has(f.id) && f.value !== key.value);
  // Only values as round as the key: skipping the others changes nothing, as `add` refuses them
  // and a value put on the grid only grows walking up (shrinks walking down), so a skipped value
  // out of range would only have stopped the walk before one as far out.
  const groups = asRoundAs(figureIndex(documentFigures).get(bucketOf(key)) ?? [], grid, key.decimals, keyGrid);
  const start = firstAtLeast(groups, shown);
  // Values within 1% of the key are refused by `add`; in a long document there are many of them
  // around each key. On the grid they lie next to the key in the index (putting values on the grid
  // keeps their order, and the key is on its own grid), so binary searches step over them.
  const near = (g: ValueGroup) => Math.abs(onGrid(g.shown) - shown) < Math.abs(shown) * 0.01;
  let [nearFrom, nearTo] = [start, start]; // the walks start before nearFrom and at nearTo
  if (onGrid(shown) === shown) {
    nearFrom = 0;
    for (let high = start; nearFrom < high; ) {
      const mid = (nearFrom + high) >> 1;
      if (near(groups[mid])) high = mid;
      else nearFrom = mid + 1;
    }
    for (let high = groups.length; nearTo < high; ) {
      const mid = (nearTo + high) >> 1;
      if (near(groups[mid])) nearTo = mid + 1;
      else high = mid;
    }
  }
  for (const [from, step] of [[nearFrom - 1, -1], [nearTo, 1]] as const) {
    let found = 0;
    for (let i = from; i >= 0 && i < groups.length && found < 3; i += step) {
      if (!usable(groups[i])) continue;
      const value = onGrid(groups[i].shown);
      if (value > shown * 4 || value < shown / 4) break;
      const before = candidates.size;
      add(groups[i].shown); // the same rules as every other option (bounds, not the key's text, …)
      if (candidates.size === before) continue;
      docValues.push(value);
      found++;
    }
  }

  const ladder: number[] =
    key.kind === "percent"
      ? [1, 2, 3, 4].flatMap((k) => {
          const step = Math.max(grid, onGrid(Math.max(shown * 0.12, grid)));
          return [shown - k * step, shown + k * step];
        })
      : key.kind === "year" || key.kind === "ratio"
        ? [1, 2, 3, 4].flatMap((k) => [shown - k * Math.max(grid, 1), shown + k * Math.max(grid, 1)])
        : unevenSteps(shown, random);
  for (const v of ladder) add(v);

  const below = [...candidates.entries()].filter(([, v]) => v < shown).sort((a, b) => b[1] - a[1]);
  const above = [...candidates.entries()].filter(([, v]) => v > shown).sort((a, b) => a[1] - b[1]);
  const wrong = [...below.slice(0, 2), ...above.slice(0, 2)].map(([t]) => t);
  if (below.length < 3 || above.length < 3) return { rejected: "rank-infeasible: fewer than 3 plausible options below or above the key", wrong };
  // A key of more than four significant digits (1542002件, 76876件) sits on a grid of 1, so its
  // ladder options are its own multiples (2×1542002 = 3084004件): the one they divide is the key.
  const significant = keyText.replace(/\D/g, "").replace(/^0+/, "").replace(/0+$/, "").length;
  if (significant > 4) return { rejected: `precise key: ${significant} significant digits, its options would be its own multiples`, wrong };
  const rank = Math.floor(random() * 4); // number of options below the key
  // Prefer document figures, then the nearest ladder steps.
  const pick = (side: [string, number][], n: number) => {
    const fromDoc = side.filter(([, v]) => docValues.includes(v));
    const rest = side.filter(([, v]) => !docValues.includes(v));
    return [...fromDoc, ...rest].slice(0, n);
  };
  const chosen = [...pick(below, rank), ...pick(above, 3 - rank), [keyText, shown] as [string, number]].sort((a, b) => a[1] - b[1]);
  return { texts: chosen.map(([t]) => t), keyIndex: chosen.findIndex(([t]) => t === keyText), wrong };
}

/**
 * Ladder values for money and counts: on each side, steps of 8–19% of the key drawn anew (seeded).
 * Fixed ratios (key ÷ 1.6, ÷ 1.3, × 1.3, × 1.6) made the key the one value the other options are
 * round multiples of, which a test-wise student picks without reading (issue 12); uneven steps
 * leave the key no special place among the options.
 */
function unevenSteps(shown: number, random: () => number): number[] {
  const out: number[] = [];
  for (const side of [-1, 1]) {
    let at = 0;
    for (let k = 0; k < 6; k++) {
      at += 0.08 + 0.11 * random();
      out.push(shown * (1 + side * at));
    }
  }
  return out;
}

const figuresById = new WeakMap<ExtractedFigure[], Map<string, ExtractedFigure>>();
/** A document's figures by id, built once per figure list. */
function idIndex(figures: ExtractedFigure[]): Map<string, ExtractedFigure> {
  let byId = figuresById.get(figures);
  if (!byId) figuresById.set(figures, (byId = new Map(figures.map((f) => [f.id, f]))));
  return byId;
}
const RISE = /增长|增加|增至|上升|升至|提升|提高|扩大|攀升|跃升|\b(?:rose|risen|rises?|grew|grown|grows?|increased?|increases|climbed?|climbs|jumped|surged|expanded|went up)\b/i;
const FALL = /下降|降至|降低|减少|减至|回落|下滑|跌至|缩小|\b(?:fell|fallen|falls?|declined?|declines|dropped|drops?|decreased?|decreases|shrank|shrunk|went down)\b/i;
// Where a clause ends: a comma or semicolon, or English "while", "whereas", "but".
const CLAUSE_END = /[,，;；]|\b(?:while|whereas|but)\b/gi;
const FROM_BEFORE = /(?:从|由|\bfrom\s+)\s*(?:(?:19|20)\d\d\s*年?(?:底|末)?的?\s*)?$/i;
const TO_BEFORE = /(?:至|到|\bto\s+)\s*(?:(?:19|20)\d\d\s*年?(?:底|末)?的?\s*)?$/i;

/**
 * A change the key's sentence states between two figures of the key's kind, unit and scale, read
 * narrowly: "从A…(rose word)…至B", "(rose word) from A (…) to B" (and the same for a fall). An option
 * on the wrong side of the other end contradicts the stated direction and is no distractor: with
 * "grew from 800 to ____", nothing at or below 800; with "grew from ____ to 1200", nothing at or
 * above 1200. Returns the open interval options must lie in (shown units).
 */
export function trendBounds(key: ExtractedFigure, documentFigures: ExtractedFigure[]): { above: number; below: number } {
  const out = { above: Number.NEGATIVE_INFINITY, below: Number.POSITIVE_INFINITY };
  if (key.siblings.length < 2) return out;
  const s = key.sentence;
  const byId = idIndex(documentFigures);
  for (const id of key.siblings) {
    const other = byId.get(id);
    if (!other || other.id === key.id || other.sentenceId !== key.sentenceId || bucketOf(other) !== bucketOf(key)) continue;
    const [a, b] = other.mention.start < key.mention.start ? [other, key] : [key, other];
    const before = s.slice(Math.max(0, a.mention.start - 20), a.mention.start);
    const between = s.slice(a.mention.end, b.mention.start);
    // The two ends: "from" right before the first (a year may stand between), "to" right before the second.
    if (!FROM_BEFORE.test(before) || !TO_BEFORE.test(between) || /[;；。]/.test(between)) continue;
    // The direction is read in the change's own clause only: a rise or fall word of the clause
    // before ("日本钢材库存有所下降,韩国…由800吨增至1200吨") is another subject's (issue 12); the
    // sentence shown before the stem is never read.
    const lead = s.slice(Math.max(0, a.mention.start - 20), a.mention.start);
    const clauseEnd = [...lead.matchAll(CLAUSE_END)].pop();
    const words = lead.slice(clauseEnd ? clauseEnd.index! + clauseEnd[0].length : 0) + s.slice(a.mention.start, b.mention.start);
    const [up, down] = [RISE.test(words), FALL.test(words)];
    if (up === down) continue;
    const end = shownNumber(other.mention);
    const keyIsStart = a === key;
    if (keyIsStart === up) out.below = Math.min(out.below, end);
    else out.above = Math.max(out.above, end);
  }
  return out;
}
