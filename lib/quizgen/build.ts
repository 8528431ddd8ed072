import { extractFigures, type ExtractedFigure } from "./figures";
import { generateDrafts, type Draft } from "./generate";
import { matchSectors, parseLexicon } from "./lexicon";
import { withSentenceMemo } from "./item-rules";
import { withBuildMemo } from "./build-memo";
import { figureWriter, numberTokens } from "./number-tokens";
import { pushAll } from "../arrays";
import { DocumentError, parseDocument, slugFromFileName } from "./parse-document";
import { contentBundleSchema, type BuildError, type ContentBundle, type Figure, type ParsedDocument, type Question, type RejectedDraft } from "./schema";
import { isReviewFormat } from "../review/formats";
import { validateDrafts, type CheckName } from "./validate";

/** Bump when generation changes in a way that changes questions (ids stay stable across bumps). */
export const GENERATOR_VERSION = "1.0.0";

/**
 * The largest document the build accepts (UTF-8 bytes; docs/content-format.md). Generation is
 * linear in a document's size (about 1 MB in under 10 s), but a bigger file is almost surely not
 * one lesson; it is refused by name while the other documents still build.
 */
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

export interface SourceFile {
  name: string;
  text: string;
}

export interface BuildStats {
  /** Per check: how many drafts it was run on and how many passed. */
  checks: Record<CheckName, { run: number; passed: number }>;
}

// When a sentence yields more than two valid questions, these types are kept first.
const PRIORITY: Question["type"][] = ["matching", "figure-mc", "ordering", "figure-typed", "sector-id", "true-false"];
const MAX_PER_SENTENCE = 2;

/**
 * A draft the per-sentence cap leaves out is kept for reviews when a review can ask it: it tests one
 * fact in a review format. It has passed every check the quiz questions pass.
 */
export function keptForReview(d: Pick<Draft, "type" | "factId">): boolean {
  return Boolean(d.factId) && isReviewFormat(d.type);
}

/** What a learner reads and answers: two questions alike in it are one question, whatever their fact. */
function statementKey(q: Pick<Question, "type" | "stem" | "answerText">): string {
  return `${q.type}\u0000${q.stem}\u0000${q.answerText}`;
}

function toQuestion(d: Draft): Question {
  const { check: _check, rejectedReason: _r, ...q } = d;
  return q;
}

function toFigure(f: ExtractedFigure): Figure {
  const { mention: _m, sentence: _s, sectionSectorIds: _x, siblings: _y, ...figure } = f;
  return figure;
}

/**
 * Builds the whole bundle: parse every file (a broken one is reported by name and skipped), find
 * figures and sectors, over-generate questions, keep those that pass every check, at most two per
 * source sentence (the other formats of a fact it leaves out are kept as review-only questions). Pure: the same files give byte-identical JSON.
 */
export function buildBundle(files: SourceFile[], lexiconYaml: string): { bundle: ContentBundle; stats: BuildStats } {
  return withBuildMemo(() => withSentenceMemo(() => buildAll(files, lexiconYaml)));
}

function buildAll(files: SourceFile[], lexiconYaml: string): { bundle: ContentBundle; stats: BuildStats } {
  const lexicon = parseLexicon(lexiconYaml);
  const errors: BuildError[] = [];
  const documents: ParsedDocument[] = [];
  for (const file of [...files].sort((a, b) => a.name.localeCompare(b.name))) {
    try {
      const bytes = Buffer.byteLength(file.text, "utf8");
      if (bytes > MAX_DOCUMENT_BYTES) {
        throw new DocumentError(`${(bytes / 1048576).toFixed(1)} MB is over the limit of ${MAX_DOCUMENT_BYTES / 1048576} MB per document; split it into smaller documents`);
      }
      const doc = parseDocument(file.name, file.text);
      if (documents.some((d) => d.slug === doc.slug)) throw new DocumentError(`slug "${doc.slug}" is already used by another document`);
      documents.push(doc);
    } catch (error) {
      if (!(error instanceof DocumentError)) throw error;
      // The slug it would have had, so that what the database holds for it is left alone.
      const slug = file.text.match(/^slug:\s*["']?([a-z0-9][a-z0-9-]*)["']?\s*$/m)?.[1] ?? slugFromFileName(file.name);
      errors.push({ file: file.name, slug, message: error.message });
    }
  }

  const figures: ExtractedFigure[] = [];
  const questions: Question[] = [];
  const reviewOnlyQuestions: Question[] = [];
  const rejected: RejectedDraft[] = [];
  const checks = {} as BuildStats["checks"];
  for (const doc of documents) {
    const docFigures = extractFigures(doc, lexicon);
    pushAll(figures, docFigures);
    const drafts = generateDrafts({ doc, figures: docFigures, lexicon, generatorVersion: GENERATOR_VERSION });
    const results = validateDrafts(drafts, lexicon);
    const valid: Draft[] = [];
    for (const [draft, result] of results) {
      for (const name of result.passed) {
        checks[name] ??= { run: 0, passed: 0 };
        checks[name].run++;
        checks[name].passed++;
      }
      for (const { check } of result.failed) {
        checks[check] ??= { run: 0, passed: 0 };
        checks[check].run++;
      }
      if (result.failed.length) rejected.push({ documentSlug: doc.slug, type: draft.type, stem: draft.stem, sentenceId: draft.source.sentenceId, reasons: result.failed.map((f) => `${f.check}: ${f.reason}`) });
      else valid.push(draft);
    }
    // Cap per sentence: the highest-priority question, then preferably one of another type.
    const bySentence = new Map<string, Draft[]>();
    for (const d of valid) {
      const group = bySentence.get(d.source.sentenceId);
      if (group) group.push(d);
      else bySentence.set(d.source.sentenceId, [d]);
    }
    const kept = new Set<Draft>();
    const reviewOnly = new Set<Draft>();
    for (const group of bySentence.values()) {
      const ordered = [...group].sort((a, b) => PRIORITY.indexOf(a.type) - PRIORITY.indexOf(b.type));
      const first = ordered[0];
      // Never the same statement twice (two figures' true/false that both keep the sentence as it is).
      const second = ordered.find((d) => d !== first && d.type !== first.type) ?? ordered.find((d) => d !== first && statementKey(d) !== statementKey(first));
      for (const d of [first, second].slice(0, MAX_PER_SENTENCE)) if (d) kept.add(d);
      for (const d of ordered) {
        if (kept.has(d)) continue;
        // Another format of a fact stays, for reviews only (decisions/0039); the rest is dropped.
        if (keptForReview(d)) reviewOnly.add(d);
        else rejected.push({ documentSlug: doc.slug, type: d.type, stem: d.stem, sentenceId: d.source.sentenceId, reasons: ["cap: already two questions on this sentence"] });
      }
    }
    const keptDrafts = valid.filter((d) => kept.has(d));
    pushAll(questions, linkRevealingQuestions(keptDrafts).map(toQuestion));
    // Not linked: revealing groups only matter to quiz selection, which never sees these.
    // Ids are stable per (type, sentence, key): two true/false swaps of one sentence can share one;
    // the first keeps it (a rejected draft's id never mattered, a stored one must be unique).
    const used = new Set(questions.map((q) => q.id));
    const candidates: Draft[] = [];
    for (const d of valid) {
      if (!reviewOnly.has(d) || used.has(d.id)) continue;
      used.add(d.id);
      candidates.push(d);
    }
    // A true/false that keeps its sentence as it is reads the same for every figure (and sector) of
    // the sentence: it is kept once, for the fact with the fewest other questions, not as the review
    // of each of them (decisions/0112). One the quizzes ask already is not kept again.
    const perFact = new Map<string, number>();
    for (const d of [...keptDrafts, ...candidates]) if (d.factId) perFact.set(d.factId, (perFact.get(d.factId) ?? 0) + 1);
    const owner = new Map<string, Draft | null>(keptDrafts.map((x) => [statementKey(x), null]));
    // Each candidate's statement (its whole stem) is written out once, not once per use.
    const statements = candidates.map(statementKey);
    candidates.forEach((d, i) => {
      const key = statements[i];
      const current = owner.get(key);
      if (current === undefined || (current && perFact.get(d.factId!)! < perFact.get(current.factId!)!)) owner.set(key, d);
    });
    candidates.forEach((d, i) => {
      if (owner.get(statements[i]) === d) reviewOnlyQuestions.push(toQuestion(d));
      else rejected.push({ documentSlug: doc.slug, type: d.type, stem: d.stem, sentenceId: d.source.sentenceId, reasons: ["review-only: the same question is kept for another fact of this sentence"] });
    });
  }

  // Each sentence is matched against the lexicon once (not once per sector), oldest document first.
  const mentionsOf = new Map<string, { documentSlug: string; sentenceId: string }[]>();
  for (const d of documents) {
    for (const section of d.sections) {
      for (const paragraph of section.paragraphs) {
        if (paragraph.boilerplate) continue;
        for (const sentence of paragraph.sentences) {
          for (const sectorId of new Set(matchSectors(lexicon, sentence.text).map((m) => m.sectorId))) {
            const list = mentionsOf.get(sectorId) ?? mentionsOf.set(sectorId, []).get(sectorId)!;
            list.push({ documentSlug: d.slug, sentenceId: sentence.id });
          }
        }
      }
    }
  }
  const sectors = lexicon.entries
    .map((e) => ({ id: e.id, nameEn: e.en, nameZh: e.zh, parentId: e.parent, mentions: mentionsOf.get(e.id) ?? [] }))
    .filter((s) => s.mentions.length > 0);

  const bundle = contentBundleSchema.parse({
    generatorVersion: GENERATOR_VERSION,
    documents,
    figures: figures.map(toFigure),
    sectors,
    questions,
    reviewOnlyQuestions,
    rejected,
    errors,
  });
  return { bundle, stats: { checks } };
}

/**
 * Two questions reveal each other when one's key is written in the other's stem (the same value
 * quoted in two sentences). Such pairs share a figure id, which quiz selection never puts together.
 * Stems are indexed by the numbers they contain and the stems writing a key are found once per
 * distinct key (many questions share a figure's text), so linking is linear in the document, not
 * quadratic; a key's number must appear whole ("9" is not written in "2019").
 */
function linkRevealingQuestions(drafts: Draft[]): Draft[] {
  // Drafts are named by their index, and their sentences by a number: the walk below compares
  // sentences hundreds of thousands of times in a long document, and reading two drafts' ids
  // (strings far apart in a large heap) cost more than all the rest of the walk.
  const sentenceNumbers = new Map<string, number>();
  const sentenceOf = drafts.map((d) => sentenceNumbers.get(d.source.sentenceId) ?? sentenceNumbers.set(d.source.sentenceId, sentenceNumbers.size).get(d.source.sentenceId)!);
  const byNumber = new Map<string, number[]>();
  const numbersOf: Set<string>[] = [];
  drafts.forEach((d, i) => {
    const tokens = new Set(numberTokens(d.stem));
    numbersOf.push(tokens);
    for (const token of tokens) {
      const list = byNumber.get(token);
      if (list) list.push(i);
      else byNumber.set(token, [i]);
    }
  });
  // The drafts whose stem writes a figure (by its text, or its value as a whole number).
  const writers = new Map<string, number[]>();
  const writersOf = (text: string, value: string): number[] => {
    const memoKey = `${text}\u0000${value}`;
    let found = writers.get(memoKey);
    if (!found) {
      const writes = figureWriter(text);
      const candidates = new Set([...numberTokens(text), value].flatMap((t) => byNumber.get(t) ?? []));
      found = [...candidates].filter((j) => writes(drafts[j].stem) || numbersOf[j].has(value));
      writers.set(memoKey, found);
    }
    return found;
  };
  // Ids added per draft, in the order of the keys (drafts order), as a set for quick look-up.
  const added = new Map<number, Set<string>>();
  // A figure's drafts (typed, multiple choice, true/false) share its key and sentence, so they add
  // the same ids to the same stems: the writers of each key are walked once per sentence, not per draft.
  const walked = new Set<string>();
  drafts.forEach((a, i) => {
    const key = a.check.figure;
    if (!key) return;
    const once = `${key.id}\u0000${key.text}\u0000${key.value}\u0000${a.source.sentenceId}`;
    if (walked.has(once)) return;
    walked.add(once);
    for (const j of writersOf(key.text, String(key.value))) {
      if (j === i || sentenceOf[j] === sentenceOf[i] || drafts[j].figureIds.includes(key.id)) continue;
      const ids = added.get(j) ?? added.set(j, new Set()).get(j)!;
      ids.add(key.id);
    }
  });
  for (const [j, ids] of added) drafts[j].figureIds = [...drafts[j].figureIds, ...ids];
  return drafts;
}
