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
  const flipped = otherValues(f, language).find((o) => Math.sign(w - o.value) !== Math.sign(f.value - o.value));
  return flipped ? `the swapped value ${wrong} changes its order with ${flipped.text} of the same sentence, whose words then give the swap away` : null;
}
