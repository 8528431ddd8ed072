import type { ExtractedFigure } from "./figures";
import { descendantsOf, matchSectors, siblingsOf, type Lexicon } from "./lexicon";
import { formatLike, shownNumber, withoutHedge } from "./format";
import { numericOptions } from "./distractors";
import { figureIdsIn } from "./figure-index";
import { rngFor, shuffled } from "./random";
import type { Language, ParsedDocument, Question, QuestionType } from "./schema";
import { say } from "./templates";
import { shortHash, withoutReferenceMarkers } from "./text";
import { typedKeyFor } from "./typed-key";
import { orderingQuestions } from "./ordering-questions";
import { compareQuestions } from "./compare-questions";
import { matchingStatementFlaw } from "./item-rules";
import { isCategory, mentionsByName } from "./item-checks";
import { withContext } from "./item-context";
import { swapGivesAway } from "./tf-swap";
import { typedExamples } from "./typed-examples";

/** A generated question before the checks, with what the checks need to know about it. */
export interface Draft extends Question {
  /** Set when generation itself could not make a sound question (e.g. no feasible option ranks). */
  rejectedReason?: string;
  check: {
    /** The source sentence the stem was made from. */
    sentence: string;
    /** For figure questions: the key figure. */
    figure?: ExtractedFigure;
    /** For sector questions: the key sector and the distractor sectors. */
    sectorId?: string;
    distractorSectorIds?: string[];
    /** Option values, for numeric options (sorted check). */
    optionValues?: number[];
    /** For figure questions: every figure of the source sentence (the no-leak check reads them). */
    sentenceFigures?: ExtractedFigure[];
    /** The sentence shown before a statement that starts with a connective. */
    context?: string;
    /** For ordering and comparison questions: the figures put in order. */
    compared?: ExtractedFigure[];
    /** For a true/false statement with its figure swapped: the wrong value written in. */
    swapped?: string;
  };
}

export interface GenerateContext {
  doc: ParsedDocument;
  figures: ExtractedFigure[];
  lexicon: Lexicon;
  generatorVersion: string;
}

const BLANK = "____";

export function questionId(doc: ParsedDocument, type: QuestionType, sentenceId: string, fact: string): string {
  return `${doc.slug}:${type}:${shortHash(`${sentenceId}|${fact}`, 12)}`;
}

function sectorName(ctx: GenerateContext, id: string, language: Language): string {
  const e = ctx.lexicon.byId.get(id)!;
  return language === "zh" ? e.zh : e.en;
}

/** The sector's name inside an English sentence: "robots", but "CNC machine tools" keeps its capitals. */
function inlineName(ctx: GenerateContext, id: string, language: Language): string {
  const name = sectorName(ctx, id, language);
  return language === "en" && /^[A-Z][a-z]/.test(name) ? name[0].toLowerCase() + name.slice(1) : name;
}

/** The sentence, or for a long one the clauses around a position, so stems stay readable. */
export function excerpt(sentence: string, at: number, language: Language): string {
  const limit = language === "zh" ? 110 : 260;
  if (sentence.length <= limit) return sentence;
  // A semicolon ends a clause that stands alone: a long sentence is cut to the blank's clause
  // ("…明显高于韩国的25.20%" without the next clause on AI patents).
  const from = Math.max(sentence.lastIndexOf(";", at - 1), sentence.lastIndexOf("；", at - 1)) + 1;
  const ends = [sentence.indexOf(";", at), sentence.indexOf("；", at)].filter((i) => i >= 0);
  const to = ends.length ? Math.min(...ends) : sentence.length;
  if (from > 0 || to < sentence.length) {
    const segment = sentence.slice(from, to);
    const lead = segment.length - segment.trimStart().length;
    const inner = excerpt(segment.trim(), at - from - lead, language);
    return `${from > 0 && !inner.startsWith("…") ? "…" : ""}${inner}${to < sentence.length && !inner.endsWith("…") ? "…" : ""}`;
  }
  const seps = language === "zh" ? /[,，;；。]/ : /[;,]/;
  // The sentence's end holds its predicate ("… are foreign brands"): an excerpt cut after the blank,
  // mid-list, reads as another fact ("80% of the equipment in use is CT…"). So when the blank's
  // clause to the end fits in 1.5 times the limit, the excerpt runs to the end, from as early a
  // clause as fits.
  const starts = [0, ...[...sentence.slice(0, at).matchAll(new RegExp(seps.source, "g"))].map((m) => m.index! + 1)];
  const fromEnd = starts.find((i) => sentence.length - i <= limit * 1.5);
  if (fromEnd !== undefined) return `${fromEnd > 0 ? "…" : ""}${sentence.slice(fromEnd).trim()}`;
  let s = at;
  let e = at;
  while (s > 0 && (e - s < limit / 2 || !seps.test(sentence[s - 1]))) s--;
  while (e < sentence.length && (e - s < limit || !seps.test(sentence[e]))) e++;
  return `${s > 0 ? "…" : ""}${sentence.slice(s, e).trim()}${e < sentence.length ? "…" : ""}`;
}

/** Replaces the figure's words (not its hedge) with a blank, so "more than ____" keeps the bound. */
function clozeOf(f: ExtractedFigure, language: Language): string {
  const s = f.sentence;
  const bare = withoutHedge(f.mention);
  const at = s.indexOf(bare, f.mention.start);
  const blanked = s.slice(0, at) + BLANK + s.slice(at + bare.length);
  return excerpt(blanked, at, language);
}

function figureQuestions(ctx: GenerateContext): Draft[] {
  const { doc } = ctx;
  const L = doc.language;
  const out: Draft[] = [];
  const bySentence = new Map<string, ExtractedFigure[]>();
  for (const f of ctx.figures) {
    const group = bySentence.get(f.sentenceId);
    if (group) group.push(f);
    else bySentence.set(f.sentenceId, [f]);
  }
  const examples = typedExamples(ctx.figures);
  for (const f of ctx.figures) {
    if (f.kind === "year" || f.kind === "other") continue;
    const base = {
      documentSlug: doc.slug,
      language: L,
      explanation: say("explainFigure", L)(f.sentence),
      source: { sentenceId: f.sentenceId, quote: f.sentence },
      figureIds: [f.id],
      sectorIds: f.sectorIds,
      factId: `figure:${f.id}`,
    };
    const keyText = withoutHedge(f.mention);
    const stem = say("cloze", L)(clozeOf(f, L));
    const sentenceFigures = bySentence.get(f.sentenceId) ?? [];

    // Typed number: every figure, hedged bounds included (the hedge stays in the stem).
    const typed = typedKeyFor(f, ctx.figures, L);
    out.push({
      ...base,
      id: questionId(doc, "figure-typed", f.sentenceId, f.text),
      type: "figure-typed",
      stem: stem + say(typed.rounded ? "typedUnitRounded" : "typedUnit", L)(typed.answerUnit),
      options: null,
      answerText: typed.answerText,
      answerValue: typed.answerValue,
      tolerance: typed.tolerance,
      answerKind: f.kind,
      answerUnit: typed.answerUnit,
      typedExamples: examples,
      check: { sentence: f.sentence, figure: f, sentenceFigures },
    });

    // Multiple choice: not for bounds ("more than 90%"), where a smaller option would also be true.
    const random = rngFor(doc.slug, f.id, "figure-mc", ctx.generatorVersion);
    const opts = numericOptions(f, ctx.figures, random);
    const bound = f.mention.hedgeDirection === "lower" || f.mention.hedgeDirection === "upper";
    const mcId = questionId(doc, "figure-mc", f.sentenceId, f.text);
    if (bound || "rejected" in opts) {
      const reason = bound ? "hedged bound: multiple choice would have more than one true option" : (opts as { rejected: string }).rejected;
      out.push({ ...base, id: mcId, type: "figure-mc", stem, options: [], answerText: keyText, correctOptionId: null, check: { sentence: f.sentence, figure: f, sentenceFigures }, rejectedReason: reason });
    } else {
      const options = opts.texts.map((text, i) => ({ id: `o${i + 1}`, text }));
      out.push({
        ...base,
        id: mcId,
        type: "figure-mc",
        stem,
        options,
        answerText: keyText,
        correctOptionId: options[opts.keyIndex].id,
        check: { sentence: f.sentence, figure: f, sentenceFigures, optionValues: opts.texts.map((t) => Number(t.replace(/[^\d.]/g, ""))) },
      });
    }
    // True/false with the figure swapped for a plausible wrong value, or kept (a seeded coin).
    // The wrong value keeps the key's order against the sentence's other figures (tf-swap.ts).
    const fair = opts.wrong.filter((w) => !swapGivesAway(f, w, L));
    if (fair.length === 0) continue;
    const tfRandom = rngFor(doc.slug, f.id, "true-false", ctx.generatorVersion);
    const keep = tfRandom() < 0.5;
    const wrong = fair[Math.floor(tfRandom() * fair.length)];
    const at = f.sentence.indexOf(keyText, f.mention.start);
    const statement = keep ? f.sentence : f.sentence.slice(0, at) + wrong + f.sentence.slice(at + keyText.length);
    out.push({
      ...base,
      id: questionId(doc, "true-false", f.sentenceId, f.text),
      type: "true-false",
      stem: say("trueFalse", L)(excerpt(statement, at, L)),
      options: null,
      answerText: keep ? say("trueWord", L) : say("falseWord", L),
      answerBool: keep,
      explanation: keep ? base.explanation : `${say("explainFalse", L)(keyText, wrong)} ${base.explanation}`,
      check: { sentence: f.sentence, figure: f, sentenceFigures, swapped: keep ? undefined : wrong },
    });
  }
  return out;
}

/**
 * The sectors a sentence can be asked about: each sector it names (deepest of overlapping ones),
 * or, when it names none, the sector of its section heading.
 */
function sentenceSectors(ctx: GenerateContext, text: string, sectionSectorIds: string[]): { id: string; named: boolean }[] {
  const ids = [...new Set(matchSectors(ctx.lexicon, text).map((m) => m.sectorId))];
  const deepest = ids.filter((id) => !ids.some((other) => other !== id && descendantsOf(ctx.lexicon, id).has(other)));
  if (deepest.length > 0) return deepest.map((id) => ({ id, named: true }));
  return sectionSectorIds.length === 1 ? [{ id: sectionSectorIds[0], named: false }] : [];
}

function maskSector(ctx: GenerateContext, text: string, sectorId: string): string {
  const hidden = descendantsOf(ctx.lexicon, sectorId);
  let out = text;
  for (const m of matchSectors(ctx.lexicon, text).filter((m) => hidden.has(m.sectorId)).reverse()) out = out.slice(0, m.start) + BLANK + out.slice(m.end);
  return out;
}

/** A sentence begins with a capital, also when a swapped sector name now opens it. */
function atSentenceStart(text: string): string {
  return text.replace(/^([“"‘(]?)([a-z])/, (_, open: string, c: string) => open + c.toUpperCase());
}

function sectorQuestions(ctx: GenerateContext): Draft[] {
  const { doc } = ctx;
  const L = doc.language;
  const out: Draft[] = [];
  const docSectors = new Set(ctx.figures.flatMap((f) => f.sectorIds));
  // Every sector the lesson names: a true/false swap never brings in one of them, where the lesson
  // may say the same thing ("美国的半导体强于中国" is true of chips too, so swapping it in is no falsehood).
  const namedInLesson = new Set(
    doc.sections.flatMap((sec) => sec.paragraphs.filter((p) => !p.boilerplate).flatMap((p) => p.sentences.flatMap((x) => matchSectors(ctx.lexicon, x.text).map((m) => m.sectorId)))),
  );
  for (const section of doc.sections) {
    const sectionSectorIds = section.heading ? [...new Set(matchSectors(ctx.lexicon, section.heading).map((m) => m.sectorId))] : [];
    for (const p of section.paragraphs) {
      if (p.boilerplate) continue;
      for (const s of p.sentences) {
        const minLength = L === "zh" ? 15 : 50;
        if (s.text.length < minLength || s.text.length > (L === "zh" ? 160 : 400)) continue;
        for (const sector of sentenceSectors(ctx, s.text, sectionSectorIds)) {
        const random = rngFor(doc.slug, s.id, sector.id, "sector-id", ctx.generatorVersion);
        const mentioned = new Set(matchSectors(ctx.lexicon, s.text).map((m) => m.sectorId));
        const siblings = siblingsOf(ctx.lexicon, sector.id).filter((e) => !mentioned.has(e.id));
        // Siblings before cousins; within each, sectors of this document first.
        const parent = ctx.lexicon.byId.get(sector.id)?.parent ?? null;
        const rank = (e: { id: string; parent: string | null }) => (e.parent === parent ? 0 : 2) + (docSectors.has(e.id) ? 0 : 1);
        const preferred = shuffled(siblings, random).sort((a, b) => rank(a) - rank(b));
        const distractors = preferred.slice(0, 3).map((e) => e.id);
        const base = {
          documentSlug: doc.slug,
          language: L,
          source: { sentenceId: s.id, quote: s.text },
          figureIds: figureIdsIn(ctx.figures, s.id),
          sectorIds: [sector.id],
          factId: `sector:${s.id}:${sector.id}`,
          explanation: say("explainFigure", L)(s.text) + (sector.named ? "" : ` (${section.heading})`),
        };
        const masked = maskSector(ctx, s.text, sector.id);
        const ids = shuffled([sector.id, ...distractors], random);
        const options = ids.map((id, i) => ({ id: `s${i + 1}`, text: sectorName(ctx, id, L) }));
        const draft: Draft = {
          ...base,
          id: questionId(doc, "sector-id", s.id, sector.id),
          type: "sector-id",
          stem: (sector.named ? say("sectorBlank", L) : say("sectorId", L))(masked),
          options,
          answerText: sectorName(ctx, sector.id, L),
          correctOptionId: options[ids.indexOf(sector.id)].id,
          check: { sentence: s.text, sectorId: sector.id, distractorSectorIds: distractors },
        };
        if (distractors.length < 3) draft.rejectedReason = "fewer than 3 sibling sectors for distractors";
        out.push(draft);

        // True/false with the sector swapped for a sibling (only when the sentence names it).
        const swapTo = preferred.find((e) => !namedInLesson.has(e.id))?.id;
        if (sector.named && swapTo) {
          const keep = random() < 0.5;
          const statement = keep ? s.text : atSentenceStart(maskSector(ctx, s.text, sector.id).split(BLANK).join(inlineName(ctx, swapTo, L)));
          out.push({
            ...base,
            id: questionId(doc, "true-false", s.id, `sector:${sector.id}`),
            type: "true-false",
            stem: say("trueFalse", L)(statement),
            options: null,
            answerText: keep ? say("trueWord", L) : say("falseWord", L),
            answerBool: keep,
            explanation: keep ? base.explanation : `${say("explainSectorFalse", L)(sectorName(ctx, sector.id, L), sectorName(ctx, swapTo, L))} ${base.explanation}`,
            check: { sentence: s.text, sectorId: sector.id, distractorSectorIds: [swapTo] },
          });
        }
        }
      }
    }
  }
  return out;
}

/**
 * The clause that holds a figure, with a short lead-in before it kept ("In 2017, …", "截至2018年,…")
 * so the statement still says when; the whole sentence when it is short already.
 */
function clauseOf(f: ExtractedFigure, L: Language): string {
  const s = f.sentence;
  if (s.length <= (L === "zh" ? 60 : 160)) return s;
  const seps = L === "zh" ? /[,，;；。]/ : /[,;.]/;
  let start = f.mention.start;
  let end = f.mention.end;
  while (start > 0 && !seps.test(s[start - 1])) start--;
  while (end < s.length && !seps.test(s[end])) end++;
  // Take in short lead-in pieces ("For instance", "in 2017") before the clause.
  for (;;) {
    let p = start - 1;
    while (p > 0 && !seps.test(s[p - 1])) p--;
    if (start === 0 || start - 1 - p > (L === "zh" ? 10 : 25)) break;
    start = p;
  }
  const clause = s.slice(start, end).trim().replace(/^[,，;；]\s*/, "");
  const ending = L === "zh" ? "。" : ".";
  return `${clause[0].toUpperCase()}${clause.slice(1)}${/[.。!?！？]$/.test(clause) ? "" : ending}`;
}

/** Figure–sector matching: 3–4 figures of the document, each tied to a different single sector. */
function matchingQuestions(ctx: GenerateContext): Draft[] {
  const { doc } = ctx;
  const L = doc.language;
  // A figure belongs to a sector when its clause (or else its sentence) names exactly one.
  const sectorOf = (f: ExtractedFigure): string | null => {
    const seps = L === "zh" ? /[,，;；。]/ : /[,;.]/;
    let s = f.mention.start;
    let e = f.mention.end;
    while (s > 0 && !seps.test(f.sentence[s - 1])) s--;
    while (e < f.sentence.length && !seps.test(f.sentence[e])) e++;
    const inClause = [...new Set(matchSectors(ctx.lexicon, f.sentence.slice(s, e)).map((m) => m.sectorId))];
    if (inClause.length === 1) return inClause[0];
    return inClause.length === 0 && f.sectorIds.length === 1 ? f.sectorIds[0] : null;
  };
  // Each statement is the figure's clause with every sector in it hidden; a figure whose clause
  // would not read (more than one blank, a cut term) is passed over for the sector's next figure.
  const bySector = new Map<string, { f: ExtractedFigure; left: string }[]>();
  for (const f of ctx.figures) {
    const id = f.kind === "year" ? null : sectorOf(f);
    // A broad category ("能源", "Materials") is no answer next to sectors.
    if (!id || isCategory(ctx.lexicon, id)) continue;
    // Only a sector's first readable statement is ever used: once it has one, later figures are not read.
    if (bySector.has(id)) continue;
    // The whole (short) sentence, else the figure's clause: the first that reads with one blank.
    const left = [f.sentence, clauseOf(f, L)]
      .filter((text) => mentionsByName(ctx.lexicon, text))
      .map((text) => [...new Set(matchSectors(ctx.lexicon, text).map((m) => m.sectorId))].reduce((masked, sid) => maskSector(ctx, masked, sid), text))
      // Exactly one blank: a statement that hides no sector does not say what it is about.
      .find((masked) => masked.split(BLANK).length === 2 && !matchingStatementFlaw(masked, L));
    if (left) bySector.set(id, [{ f, left }]);
  }
  const random = rngFor(doc.slug, "matching", ctx.generatorVersion);
  const sectors = shuffled([...bySector.keys()], random);
  const out: Draft[] = [];
  for (let g = 0; g + 3 <= sectors.length && out.length < 3; g += 4) {
    const group = sectors.slice(g, g + 4);
    if (group.length < 3) break;
    const chosen = group.map((id) => bySector.get(id)![0]);
    const picked = chosen.map(({ f }, i) => ({ ...f, matchSector: group[i] }));
    const lefts = chosen.map((c) => c.left);
    const options = shuffled(group, random).map((id, i) => ({ id: `m${i + 1}`, text: sectorName(ctx, id, L), sectorId: id }));
    const first = picked[0];
    out.push({
      id: questionId(doc, "matching", first.sentenceId, group.join(",")),
      documentSlug: doc.slug,
      language: L,
      type: "matching",
      stem: say("matching", L),
      options: options.map(({ id, text }) => ({ id, text })),
      pairs: picked.map((f, i) => ({ left: lefts[i], right: options.find((o) => o.sectorId === f.matchSector)!.id })),
      answerText: picked.map((f, i) => `${lefts[i]} → ${sectorName(ctx, f.matchSector, L)}`).join("; "),
      explanation: picked.map((f) => say("explainFigure", L)(f.sentence)).join(" "),
      source: { sentenceId: first.sentenceId, quote: first.sentence },
      figureIds: picked.map((f) => f.id),
      sectorIds: group,
      check: { sentence: first.sentence },
    });
  }
  return out;
}

/** Over-generates every question type for one document; the checks decide what is kept. */
export function generateDrafts(ctx: GenerateContext): Draft[] {
  // Comparisons first: on a sentence they share with a figure's own multiple choice, they are kept.
  const drafts = withContext([...compareQuestions(ctx), ...figureQuestions(ctx), ...sectorQuestions(ctx), ...matchingQuestions(ctx), ...orderingQuestions(ctx)], ctx.doc);
  // What the student reads carries no citation markers; source.quote (the citation) stays exact.
  for (const d of drafts) {
    d.stem = withoutReferenceMarkers(d.stem);
    d.explanation = withoutReferenceMarkers(d.explanation);
    if (d.options) d.options = d.options.map((o) => ({ ...o, text: withoutReferenceMarkers(o.text) }));
    if (d.pairs) d.pairs = d.pairs.map((p) => ({ ...p, left: withoutReferenceMarkers(p.left) }));
    if (d.answerText) d.answerText = withoutReferenceMarkers(d.answerText);
  }
  return drafts;
}

export { formatLike, shownNumber };
