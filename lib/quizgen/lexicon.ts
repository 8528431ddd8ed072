import { z } from "zod";
import { parse as parseYaml } from "yaml";

export const lexiconEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  en: z.string(),
  zh: z.string(),
  parent: z.string().nullable(),
  aliases: z.array(z.union([z.string(), z.number()]).transform(String)),
  /** Aliases that mean the sector itself (not a part or an example of it): they may be blanked or swapped. */
  synonyms: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
});
export type LexiconEntry = z.infer<typeof lexiconEntrySchema>;

export interface Lexicon {
  entries: LexiconEntry[];
  byId: Map<string, LexiconEntry>;
  /** Aliases longest first, so "CNC machine tools" wins over "machine tools". */
  patterns: { sectorId: string; alias: string; re: RegExp; lower: string }[];
  /** Matches per text: the same sentence is looked up by several steps. */
  cache: Map<string, SectorMatch[]>;
}

function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Reads and checks the lexicon (content/sectors.yaml): unique ids, parents that exist. */
export function parseLexicon(yamlText: string): Lexicon {
  const entries = z.array(lexiconEntrySchema).parse(parseYaml(yamlText));
  const byId = new Map(entries.map((e) => [e.id, e]));
  if (byId.size !== entries.length) throw new Error("sector lexicon: duplicate ids");
  for (const e of entries) if (e.parent && !byId.has(e.parent)) throw new Error(`sector lexicon: ${e.id} has unknown parent ${e.parent}`);
  const patterns = entries
    .flatMap((e) => [...new Set([e.en, e.zh, ...e.aliases, ...e.synonyms])].map((alias) => ({ sectorId: e.id, alias })))
    .sort((a, b) => b.alias.length - a.alias.length)
    .map(({ sectorId, alias }) => {
      const latin = /^[\x00-\x7f]+$/.test(alias);
      // Short upper-case aliases (AI, IC, CT, 5G) must match in that case; others ignore case.
      const flags = latin && alias.length <= 3 && alias === alias.toUpperCase() ? "g" : "gi";
      return { sectorId, alias, re: new RegExp(latin ? `(?<![A-Za-z0-9])${escape(alias)}(?![A-Za-z0-9])` : escape(alias), flags), lower: alias.toLowerCase() };
    });
  return { entries, byId, patterns, cache: new Map() };
}

export interface SectorMatch {
  sectorId: string;
  start: number;
  end: number;
}

// The patterns by the first two letters of their lower-case alias (one letter for a one-letter
// alias): a text can only contain an alias whose first two letters it holds somewhere, so a
// text's candidates are read from the pairs of letters it holds, in the patterns' order, instead of
// testing each of the hundreds of aliases against it. Letters are UTF-16 code units, as in
// `includes`; a pair is keyed by its two codes.
interface PatternIndex {
  pairs: Map<number, number[]>;
  singles: Map<number, number[]>;
  empty: number[];
}
const patternIndex = new WeakMap<Lexicon, PatternIndex>();
function indexOf(lexicon: Lexicon): PatternIndex {
  let index = patternIndex.get(lexicon);
  if (index) return index;
  index = { pairs: new Map(), singles: new Map(), empty: [] };
  const add = (map: Map<number, number[]>, key: number, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  for (const [i, p] of lexicon.patterns.entries()) {
    if (p.lower.length === 0) index.empty.push(i);
    else if (p.lower.length === 1) add(index.singles, p.lower.charCodeAt(0), i);
    else add(index.pairs, p.lower.charCodeAt(0) * 65536 + p.lower.charCodeAt(1), i);
  }
  patternIndex.set(lexicon, index);
  return index;
}
function candidatePatterns(lexicon: Lexicon, lower: string): number[] {
  const { pairs, singles, empty } = indexOf(lexicon);
  const marked = new Uint8Array(lexicon.patterns.length);
  for (const i of empty) marked[i] = 1; // an empty alias is in every text
  for (let at = 0, code = lower.charCodeAt(0); at < lower.length; at++) {
    const next = lower.charCodeAt(at + 1); // NaN past the end: no pair
    const single = singles.size ? singles.get(code) : undefined;
    if (single) for (const i of single) marked[i] = 1;
    if (at + 1 < lower.length) {
      const pair = pairs.get(code * 65536 + next);
      if (pair) for (const i of pair) marked[i] = 1;
    }
    code = next;
  }
  const out: number[] = [];
  for (let i = 0; i < marked.length; i++) if (marked[i]) out.push(i);
  return out;
}

/** Sector mentions in a text, longest alias first, no two overlapping. */
export function matchSectors(lexicon: Lexicon, text: string): SectorMatch[] {
  const cached = lexicon.cache.get(text);
  if (cached) return cached;
  const taken: SectorMatch[] = [];
  // A pattern can only match where its alias is written, in some case: a substring test first
  // skips the regular expressions of the hundreds of aliases a sentence does not contain.
  const lower = text.toLowerCase();
  for (const i of candidatePatterns(lexicon, lower)) {
    const p = lexicon.patterns[i];
    if (!lower.includes(p.lower)) continue;
    p.re.lastIndex = 0;
    for (const m of text.matchAll(p.re)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (!taken.some((t) => start < t.end && end > t.start)) taken.push({ sectorId: p.sectorId, start, end });
    }
  }
  taken.sort((a, b) => a.start - b.start);
  lexicon.cache.set(text, taken);
  return taken;
}

// Depths, siblings and descendants depend on the lexicon only, and generation asks for them once
// per sentence and draft: each is worked out once per lexicon (read-only results, shared).
const derived = new WeakMap<Lexicon, { depth: Map<string, number>; siblings: Map<string, readonly LexiconEntry[]>; descendants: Map<string, ReadonlySet<string>> }>();
function derivedOf(lexicon: Lexicon) {
  let d = derived.get(lexicon);
  if (!d) derived.set(lexicon, (d = { depth: new Map(), siblings: new Map(), descendants: new Map() }));
  return d;
}

export function depthOf(lexicon: Lexicon, sectorId: string): number {
  const memo = derivedOf(lexicon).depth;
  let depth = memo.get(sectorId);
  if (depth === undefined) {
    depth = 0;
    for (let e = lexicon.byId.get(sectorId); e?.parent; e = lexicon.byId.get(e.parent)) depth++;
    memo.set(sectorId, depth);
  }
  return depth;
}

/** Distractor candidates: siblings (same parent) first, then other sectors at the same depth. */
export function siblingsOf(lexicon: Lexicon, sectorId: string): readonly LexiconEntry[] {
  const memo = derivedOf(lexicon).siblings;
  let found = memo.get(sectorId);
  if (!found) {
    const parent = lexicon.byId.get(sectorId)?.parent ?? null;
    const depth = depthOf(lexicon, sectorId);
    const siblings = lexicon.entries.filter((e) => e.id !== sectorId && e.parent === parent);
    const cousins = lexicon.entries.filter((e) => e.id !== sectorId && e.parent !== parent && depthOf(lexicon, e.id) === depth);
    found = [...siblings, ...cousins];
    memo.set(sectorId, found);
  }
  return found;
}

/** A sector and everything below it. */
export function descendantsOf(lexicon: Lexicon, sectorId: string): ReadonlySet<string> {
  const memo = derivedOf(lexicon).descendants;
  let found = memo.get(sectorId);
  if (!found) {
    const out = new Set([sectorId]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const e of lexicon.entries) {
        if (e.parent && out.has(e.parent) && !out.has(e.id)) {
          out.add(e.id);
          grew = true;
        }
      }
    }
    memo.set(sectorId, (found = out));
  }
  return found;
}
