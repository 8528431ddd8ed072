import type { ExtractedFigure } from "./figures";
import { numbersIn, type NumberMention } from "./numbers";
import { buildMemo } from "./build-memo";
import type { Language } from "./schema";

/**
 * A true/false statement with a figure swapped for a wrong value is fair only if the rest of the
 * sentence does not give the swap away (docs/question-rules.md T2): the wrong value keeps the key's
 * order against every other figure of the sentence with its kind and unit (range ends included:
 * "中国仅维持10%,美国19%~23%" swapped to 30% contradicts its own "仅"), and is not an absurd 0.
 */

// "19%~23%", "3-5倍": findNumbers leaves both ends of a range out; here they count.
const RANGE = /(\d+(?:\.\d+)?)\s*(?:%|％)?\s*[~～〜\-–—至到]\s*(\d+(?:\.\d+)?)([^\d\s,，。;；、()（）]{0,4})/g;

const like = (f: ExtractedFigure) => (m: NumberMention) => m.kind === f.kind && m.unit === f.unit;

/** The values of the sentence's other figures of the key's kind and unit, range ends included. */
function otherValues(f: ExtractedFigure, language: Language): { text: string; value: number }[] {
  // Read once per figure in a build: each of its wrong values asks, in generation and in the checks.
  return buildMemo(`other-values-${language}`, `${f.id}\u0000${f.sentence}\u0000${f.mention.start}`, () => readOtherValues(f, language));
}

function readOtherValues(f: ExtractedFigure, language: Language): { text: string; value: number }[] {
  const s = f.sentence;
  const found = numbersIn(s, language).filter(like(f)).filter((m) => m.start !== f.mention.start);
  const out = found.map((m) => ({ text: m.text, value: m.value }));
  for (const m of s.matchAll(RANGE)) {
    for (const end of [`${m[1]}${m[3]}`, `${m[2]}${m[3]}`]) {
      const read = numbersIn(end, language).filter(like(f))[0];
      if (read) out.push({ text: m[0], value: read.value });
    }
  }
  return out.filter((o) => o.value !== f.value);
}

/** Why swapping the figure for `wrong` would make a False the sentence itself gives away, or null. */
export function swapGivesAway(f: ExtractedFigure, wrong: string, language: Language): string | null {
  const w = numbersIn(wrong, language).filter(like(f))[0]?.value ?? numbersIn(wrong, language)[0]?.value;
  if (w === undefined) return null;
  if (w <= 0 && f.kind !== "year") return `the swapped value ${wrong} is absurd`;
  // "几乎为美国的1倍" says "as much as": a multiple above 1 swapped for 1 or less reads as nonsense.
  if (f.kind === "ratio" && f.value > 1 && w <= 1) return `the swapped multiple ${wrong} reads as nonsense beside ${f.text}`;
  const tie = arithmeticTie(f, language);
  if (tie) return `${f.text} is tied to the sentence's other figures (${tie}): any swap breaks it, and the statement is false on its own words`;
  const flipped = otherValues(f, language).find((o) => Math.sign(w - o.value) !== Math.sign(f.value - o.value));
  return flipped ? `the swapped value ${wrong} changes its order with ${flipped.text} of the same sentence, whose words then give the swap away` : null;
}

/**
 * Why the swapped value is given away by the sentence shown before the statement, or null: a reader
 * compares the statement with that context too ("…提升至2018年2973.7亿美元和2.18%" before "相比美国…
 * 2.80%的GDP比重,中国…仍显不足" swapped to 0.90%, a value the context gives China). So the wrong value
 * is not a figure the context states and keeps the key's order against its figures of the same kind
 * and unit.
 */
export function swapGivenAwayByContext(f: ExtractedFigure, wrong: string, context: string, language: Language): string | null {
  const w = numbersIn(wrong, language).filter(like(f))[0]?.value;
  if (w === undefined) return null;
  const shown = numbersIn(context, language).filter(like(f));
  const same = shown.find((m) => m.value === w);
  if (same) return `the swapped value ${wrong} is a figure of the sentence shown before it (${same.text})`;
  const flipped = shown.find((m) => m.value !== f.value && Math.sign(w - m.value) !== Math.sign(f.value - m.value));
  return flipped ? `the swapped value ${wrong} changes its order with ${flipped.text} of the sentence shown before it` : null;
}

/**
 * The arithmetic the sentence states between the figure and its other figures, or null: parts and
 * their total ("3400万个和2100万个,合计5500万个"), a multiple of two values ("1200亿美元…400亿美元…
 * 3倍"), a share of two values ("1,159 of 4,313, 26.9%"). Changing any one of them leaves a sentence
 * that does not add up, so a student can call it False without knowing the lesson (issue 12).
 */
export function arithmeticTie(f: ExtractedFigure, language: Language): string | null {
  if (f.kind === "year") return null;
  return buildMemo(`arithmetic-tie-${language}`, `${f.id}\u0000${f.sentence}\u0000${f.mention.start}`, () => readTie(f, language));
}

// Stated figures are rounded: 26.9% for 1159/4313 = 26.87%, "3倍" for 2.97.
const close = (a: number, b: number, rel: number) => Math.abs(a - b) <= Math.abs(b) * rel;

function readTie(f: ExtractedFigure, language: Language): string | null {
  const all = numbersIn(f.sentence, language).filter((m) => m.kind !== "year" && m.kind !== "other");
  const self = all.find((m) => m.start === f.mention.start);
  if (!self || all.length < 3) return null;
  const same = (a: NumberMention, b: NumberMention) => a.kind === b.kind && a.unit === b.unit;
  const amounts = (m: NumberMention) => m.kind !== "ratio" && m.kind !== "percent";
  // Parts and total: one value the sum of two or more others of its kind and unit (few per sentence).
  const group = all.filter((m) => same(m, self)).slice(0, 8);
  for (const total of group) {
    const parts = group.filter((m) => m !== total && m.value < total.value);
    for (let mask = 1; mask < 1 << parts.length; mask++) {
      const chosen = parts.filter((_, i) => mask & (1 << i));
      if (chosen.length < 2) continue;
      const sum = chosen.reduce((acc, m) => acc + m.value, 0);
      if (close(sum, total.value, 0.005) && (total === self || chosen.includes(self))) return `${chosen.map((m) => m.text).join(" + ")} = ${total.text}`;
    }
  }
  // A multiple or a share of two values of one kind and unit.
  for (const a of all.filter(amounts)) {
    for (const b of all.filter((m) => m !== a && amounts(m) && same(m, a) && m.value > 0)) {
      for (const r of all.filter((m) => m.kind === "ratio" || m.kind === "percent")) {
        const stated = r.kind === "ratio" ? a.value / b.value : (100 * a.value) / b.value;
        if (close(stated, r.value, r.kind === "ratio" ? 0.03 : 0.01) && [a, b, r].includes(self)) return `${a.text} / ${b.text} = ${r.text}`;
      }
    }
  }
  return null;
}
