import { describe, expect, it } from "vitest";
import { GENERATOR_VERSION, keptForReview } from "./build";
import { extractFigures } from "./figures";
import { generateDrafts } from "./generate";
import { parseDocument } from "./parse-document";
import { build, fixtureFiles, lexicon, seedFiles } from "./test-helpers";
import { validateDrafts } from "./validate";
import { isReviewFormat } from "../review/formats";

// The per-sentence cap keeps two questions of a sentence for quizzes; the other formats of a fact
// it leaves out are kept for reviews only (decisions/0039).
describe("the generator's split between quiz and review-only questions", () => {
  const { bundle } = build(fixtureFiles());
  const quiz = bundle.questions;
  const reviewOnly = bundle.reviewOnlyQuestions ?? [];

  it("keeps some review-only questions, none of them also a quiz question", () => {
    expect(reviewOnly.length).toBeGreaterThan(0);
    const quizIds = new Set(quiz.map((q) => q.id));
    for (const q of reviewOnly) expect(quizIds.has(q.id), q.id).toBe(false);
    expect(new Set(reviewOnly.map((q) => q.id)).size).toBe(reviewOnly.length);
  });

  it("every stored id is unique, also in the seed documents (where two true/false swaps of one sentence share an id)", () => {
    const seeds = build(seedFiles()).bundle;
    const ids = [...seeds.questions, ...(seeds.reviewOnlyQuestions ?? [])].map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(seeds.reviewOnlyQuestions?.length).toBeGreaterThan(0);
  });

  it("still keeps at most two quiz questions per sentence", () => {
    const count = new Map<string, number>();
    for (const q of quiz) count.set(q.source.sentenceId, (count.get(q.source.sentenceId) ?? 0) + 1);
    expect(Math.max(...count.values())).toBeLessThanOrEqual(2);
  });

  it("keeps only single-fact questions in a review format, on sentences the cap filled", () => {
    const perSentence = new Map<string, number>();
    for (const q of quiz) perSentence.set(q.source.sentenceId, (perSentence.get(q.source.sentenceId) ?? 0) + 1);
    for (const q of reviewOnly) {
      expect(q.factId, q.id).toBeTruthy();
      expect(isReviewFormat(q.type), q.id).toBe(true);
      expect(perSentence.get(q.source.sentenceId), q.id).toBe(2);
    }
  });

  it("no longer rejects a review-format fact question for the cap, but still rejects the others", () => {
    const capped = bundle.rejected.filter((r) => r.reasons.some((x) => x.startsWith("cap:")));
    const reviewStems = new Set(reviewOnly.map((q) => q.stem));
    for (const r of capped) expect(reviewStems.has(r.stem), r.stem).toBe(false);
    // What the cap still rejects is what a review cannot ask (matching, ordering, comparisons).
    for (const r of capped) expect(r.type === "matching" || r.type === "ordering" || r.type === "figure-mc", `${r.type}: ${r.stem}`).toBe(true);
  });

  it("gives some fact more formats than the quiz questions alone do", () => {
    const formats = (qs: typeof quiz) => {
      const m = new Map<string, Set<string>>();
      for (const q of qs) if (q.factId) m.set(q.factId, (m.get(q.factId) ?? new Set()).add(q.type));
      return m;
    };
    const before = formats(quiz);
    const after = formats([...quiz, ...reviewOnly]);
    const grown = [...after].filter(([fact, set]) => before.has(fact) && set.size > before.get(fact)!.size);
    expect(grown.length).toBeGreaterThan(0);
  });

  it("review-only questions pass the same checks as quiz questions", () => {
    // The drafts regenerated and checked again from scratch: every review-only one passes every check.
    const checked = new Map<string, boolean>();
    for (const file of fixtureFiles()) {
      const doc = parseDocument(file.name, file.text);
      const drafts = generateDrafts({ doc, figures: extractFigures(doc, lexicon), lexicon, generatorVersion: GENERATOR_VERSION });
      for (const [draft, result] of validateDrafts(drafts, lexicon)) checked.set(draft.id, result.failed.length === 0);
    }
    for (const q of reviewOnly) expect(checked.get(q.id), q.id).toBe(true);
  });

  it("decides per draft: a review format with a fact, nothing else", () => {
    expect(keptForReview({ type: "figure-typed", factId: "figure:x" })).toBe(true);
    expect(keptForReview({ type: "true-false", factId: "sector:s:x" })).toBe(true);
    expect(keptForReview({ type: "figure-typed", factId: undefined })).toBe(false);
    expect(keptForReview({ type: "matching", factId: undefined })).toBe(false);
    expect(keptForReview({ type: "ordering", factId: "figure:x" })).toBe(false);
  });
});

// A true/false that keeps the sentence as it is reads the same for every figure of the sentence: it
// used to be kept as the review-only question of each of them, so a learner's cards for three facts
// asked one identical statement (decisions/0112). Fresh text, several slugs (each seeds its own coins).
describe("review-only questions never repeat another question of the sentence word for word", () => {
  const en = (slug: string) => ({
    name: `${slug}.md`,
    text: `---\ntitle: Fishing fleets\nlanguage: en\nslug: ${slug}\n---\nFishing fleets\n\n1. Catches\n\nIn 2019, Norway landed 2.4 million tonnes of fish and Chile landed 1.9 million tonnes, while Peru landed 4.8 million tonnes and Iceland landed 1.1 million tonnes.\n\nIn 2020, fish farms in Norway employed 9,500 workers, and 62% of the salmon sold in Europe came from Norway.\n`,
  });
  const zh = (slug: string) => ({
    name: `${slug}.md`,
    text: `---\ntitle: 渔业船队\nlanguage: zh\nslug: ${slug}\n---\n渔业船队\n\n一、捕捞量\n\n2019年挪威和智利的捕捞量分别为240万吨和190万吨,秘鲁和冰岛分别为480万吨和110万吨。\n\n2020年挪威养殖场雇用9500名工人,欧洲销售的三文鱼中有62%来自挪威。\n`,
  });
  for (const [language, make] of [["en", en], ["zh", zh]] as const) {
    it(`${language}: one statement is kept once, not once per fact of its sentence`, () => {
      let keptStatements = 0;
      let dropped = 0;
      for (let i = 0; i < 8; i++) {
        const { bundle } = build([make(`fleet-${i}`)]);
        const all = [...bundle.questions, ...(bundle.reviewOnlyQuestions ?? [])];
        const seen = new Map<string, string>();
        for (const q of all) {
          const key = `${q.type}\u0000${q.stem}`;
          expect(seen.get(key), `${q.factId} repeats ${seen.get(key)}: ${q.stem}`).toBeUndefined();
          seen.set(key, q.factId ?? q.id);
        }
        keptStatements += all.filter((q) => q.type === "true-false" && q.answerBool === true && q.stem.includes(language === "en" ? "Chile landed 1.9" : "240万吨和190万吨")).length;
        // What is left out is recorded, with a reason that is not the cap's.
        dropped += bundle.rejected.filter((r) => r.reasons.some((x) => x.startsWith("review-only:"))).length;
      }
      // The statement itself is still asked (once per document) where its coin kept it.
      expect(keptStatements).toBeGreaterThan(0);
      expect(dropped).toBeGreaterThan(0);
    });
  }
});

// A sentence whose figures can only be asked as true/false (its multiple gives the others away): two
// figures whose coins both keep the sentence as it is made the cap keep one statement twice in the
// quizzes (decisions/0112). Fresh text; several slugs, since each seeds its own coins.
describe("the per-sentence cap never keeps one statement twice", () => {
  const doc = (language: "en" | "zh", slug: string, sentence: string) => ({
    name: `${slug}.md`,
    text: `---\ntitle: ${language === "en" ? "Buses" : "工程师"}\nlanguage: ${language}\nslug: ${slug}\n---\n${language === "en" ? "Buses" : "工程师"}\n\n${language === "en" ? "1. Cities" : "一、人员"}\n\n${sentence}\n`,
  });
  const cases = [
    ["en", "In 2019, the share of electric buses in Chinese cities was 18% and in American cities 4.5%, so the Chinese share was 4 times the American share."],
    ["zh", "2017年每百万人中工程师规模中美分别为1370人和5210人,美国是中国的4倍。\n\n2017年中美分别培养工程师4.8万人和6.2万人。"],
  ] as const;
  for (const [language, sentence] of cases) {
    it(`${language}: two true/false questions of one sentence in the quizzes read differently`, () => {
      let asked = 0;
      for (let i = 0; i < 16; i++) {
        const { bundle } = build([doc(language, `cap-${language}-${i}`, sentence)]);
        const stems = bundle.questions.map((q) => `${q.type}\u0000${q.stem}`);
        expect(new Set(stems).size, stems.join("\n")).toBe(stems.length);
        asked += bundle.questions.filter((q) => q.type === "true-false").length;
      }
      expect(asked).toBeGreaterThan(8);
    });
  }
});
