import { describe, expect, it } from "vitest";
import { qualityReport } from "./report";
import { build, fixtureFiles, lexicon, seedFiles } from "./test-helpers";
import { matchSectors } from "./lexicon";
import { listOrCaption, sameTerm, standsAlone } from "./item-rules";

const seeds = build(seedFiles());
const isComparison = (q: { type: string; options?: unknown[] | null }) => q.type === "figure-mc" && q.options?.length === 2;
const report = qualityReport(seeds.bundle, seeds.stats);
const byDoc = new Map(report.documents.map((d) => [d.slug, d]));

describe("the seed documents", () => {
  it("asks nothing on a list item or caption, and every true/false statement stands alone", () => {
    for (const q of seeds.bundle.questions) {
      expect(listOrCaption(q.source.quote, q.language), q.id).toBeNull();
      // A statement after a connective is asked only with the sentence before it in the stem.
      if (q.type === "true-false") expect(standsAlone(q.source.quote, q.language, /^(The lesson says: |上文：)/.test(q.stem)), q.id).toBeNull();
    }
  });
  it("the Chinese paper gives at least 60 questions of at least 4 types", () => {
    const zh = seeds.bundle.documents.find((d) => d.language === "zh")!;
    expect(byDoc.get(zh.slug)!.questions).toBeGreaterThanOrEqual(60);
    expect(Object.keys(byDoc.get(zh.slug)!.types).length).toBeGreaterThanOrEqual(4);
  });
  it("every sector question hides the sector's own name in a sentence that names it", () => {
    const sectorQuestions = seeds.bundle.questions.filter((q) => q.type === "sector-id");
    expect(sectorQuestions.length).toBeGreaterThan(0);
    for (const q of sectorQuestions) {
      const e = lexicon.byId.get(q.sectorIds[0])!;
      const words = matchSectors(lexicon, q.source.quote).filter((m) => m.sectorId === e.id).map((m) => q.source.quote.slice(m.start, m.end));
      expect(words.length, q.id).toBeGreaterThan(0);
      for (const w of words) expect([e.en, e.zh, ...e.synonyms].some((n) => sameTerm(w, n)), `${q.id}: ${w}`).toBe(true);
    }
  });
  it("no blind guesser beats chance, the key's rank is uniform, and nothing leaks", () => {
    for (const g of report.guessers) expect(g.p, g.strategy).toBeGreaterThan(0.05);
    expect(report.keyRank.p).toBeGreaterThan(0.05);
    expect(report.leaks).toBe(0);
  });
  it("two runs give byte-identical output and the same ids", () => {
    expect(JSON.stringify(build(seedFiles()).bundle)).toBe(JSON.stringify(seeds.bundle));
  });
  it("every question cites a sentence of its document, quoted exactly", () => {
    const sentences = new Map(seeds.bundle.documents.flatMap((d) => d.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences.map((x) => [x.id, x.text] as const)))));
    for (const q of seeds.bundle.questions) expect(sentences.get(q.source.sentenceId), q.id).toBe(q.source.quote);
  });
  it("keeps at most two questions per source sentence", () => {
    const count = new Map<string, number>();
    for (const q of seeds.bundle.questions) count.set(q.source.sentenceId, (count.get(q.source.sentenceId) ?? 0) + 1);
    expect(Math.max(...count.values())).toBeLessThanOrEqual(2);
  });
});

describe("documents written for the tests (not seeds)", () => {
  const { bundle } = build(fixtureFiles());
  it("builds an English and a Chinese document on other topics", () => {
    expect(bundle.errors).toEqual([]);
    expect(bundle.documents.map((d) => d.language).sort()).toEqual(["en", "zh"]);
  });
  it("finds their figures, including 分别 pairs, and generates several types for each", () => {
    for (const d of bundle.documents) {
      const qs = bundle.questions.filter((q) => q.documentSlug === d.slug);
      expect(qs.length, d.slug).toBeGreaterThanOrEqual(6);
      // A two-option "which is larger" is its own kind of item (it replaced two-item orderings).
      expect(new Set(qs.map((q) => (isComparison(q) ? "comparison" : q.type))).size, d.slug).toBeGreaterThanOrEqual(3);
    }
    const pair = bundle.figures.filter((f) => f.text === "2.13亿吨");
    expect(pair.map((f) => f.value)).toContain(213_000_000);
  });
  it("names the one fact each single-fact question tests, shared by the formats that ask it", () => {
    for (const q of bundle.questions) {
      if (q.type === "matching" || q.type === "ordering" || isComparison(q)) expect(q.factId, q.id).toBeUndefined();
      else if (q.type === "sector-id") expect(q.factId, q.id).toBe(`sector:${q.source.sentenceId}:${q.sectorIds[0]}`);
      else if (q.type !== "true-false") expect(q.factId, q.id).toBe(`figure:${q.figureIds[0]}`);
      else expect(q.factId, q.id).toMatch(/^(figure|sector):/);
    }
    // In both documents some fact can be asked in more than one format, so reviews can rotate.
    for (const d of bundle.documents) {
      const formats = new Map<string, Set<string>>();
      for (const q of bundle.questions.filter((x) => x.documentSlug === d.slug && x.factId)) formats.set(q.factId!, (formats.get(q.factId!) ?? new Set()).add(q.type));
      expect(Math.max(...[...formats.values()].map((s) => s.size)), d.slug).toBeGreaterThanOrEqual(2);
    }
  });
  it("changing one sentence keeps the ids of questions on the other sentences", () => {
    const files = fixtureFiles();
    const edited = files.map((f) => (f.name.endsWith(".md") ? { ...f, text: f.text.replace("Battery storage costs fell 13% in 2021", "Battery storage costs fell 14% in 2021") } : f));
    const before = new Set(bundle.questions.map((q) => q.id));
    const after = build(edited).bundle.questions;
    const untouched = after.filter((q) => !q.source.quote.includes("Battery storage"));
    expect(untouched.length).toBeGreaterThan(0);
    for (const q of untouched) expect(before.has(q.id), q.stem).toBe(true);
  });
});
