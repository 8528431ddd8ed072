import type { Draft } from "./generate";
import { generalStatement, listOrCaption, matchingStatementFlaw, sameTerm, sectorBlankFlaw, spanCue, standsAlone } from "./item-rules";
import { descendantsOf, matchSectors, type Lexicon } from "./lexicon";
import { swapGivenAwayByContext, swapGivesAway } from "./tf-swap";

/** The item-writing checks for text (docs/question-rules.md, T1–T5), by name. */
export const ITEM_CHECKS = ["item-source", "true-false-stands-alone", "true-false-bound", "true-false-swap", "sector-swap", "sector-blank", "matching-readable"] as const;
export type ItemCheckName = (typeof ITEM_CHECKS)[number];

/** The statement of a true/false stem, without its "True or false? “…”" frame and excerpt marks. */
function statementOf(stem: string): string {
  const m = stem.match(/[“"]([\s\S]*)[”"]\s*$/);
  return (m ? m[1] : stem).replace(/^…|…$/g, "");
}

/** The sector's mentions in a sentence: the spans a sector blank or swap replaces. */
function sectorSpans(draft: Draft, lexicon: Lexicon) {
  const hidden = descendantsOf(lexicon, draft.check.sectorId!);
  return matchSectors(lexicon, draft.check.sentence).filter((m) => hidden.has(m.sectorId));
}

function keyNames(lexicon: Lexicon, sectorId: string): string[] {
  const e = lexicon.byId.get(sectorId);
  return e ? [e.en, e.zh, ...e.synonyms] : [];
}

/** The key's name as its option shows it, in the question's language. */
function shownName(lexicon: Lexicon, sectorId: string, language: "en" | "zh"): string[] {
  const e = lexicon.byId.get(sectorId);
  return e ? [language === "zh" ? e.zh : e.en] : [];
}

/** Runs the item-writing checks on one draft: each check's reason to reject it, or null. */
export function itemChecks(draft: Draft, lexicon: Lexicon): [ItemCheckName, string | null][] {
  const L = draft.language;
  const isSectorTf = draft.type === "true-false" && !!draft.check.sectorId;
  const lefts = draft.type === "matching" ? (draft.pairs ?? []).map((p) => p.left) : [];
  return [
    ["item-source", listOrCaption(draft.check.sentence, L) ?? lefts.map((l) => listOrCaption(l, L)).find(Boolean) ?? null],
    // Both the kept and the swapped statement must stand alone, or the key would follow from which survive.
    // With the sentence before it shown, a statement may start with a connective.
    ["true-false-stands-alone", draft.type === "true-false" ? (standsAlone(statementOf(draft.stem), L, !!draft.check.context) ?? standsAlone(draft.check.sentence, L, !!draft.check.context)) : null],
    // "More than 85%" follows from "more than 95%": a swapped bound can still be true. Kept and
    // swapped versions alike, or the key would follow from which survive.
    ["true-false-bound", draft.type === "true-false" && /^(lower|upper)$/.test(draft.check.figure?.mention.hedgeDirection ?? "") ? `"${draft.check.figure!.text}" is a bound: a swapped value may follow from it` : null],
    // A swapped figure the sentence's own words contradict ("仅…30%" beside 19%~23%) or an absurd 0.
    // With the sentence before shown, its figures count as well.
    [
      "true-false-swap",
      draft.type === "true-false" && draft.check.figure && draft.check.swapped
        ? (swapGivesAway(draft.check.figure, draft.check.swapped, L) ??
          (draft.check.context ? swapGivenAwayByContext(draft.check.figure, draft.check.swapped, draft.check.context, L) : null))
        : null,
    ],
    [
      "sector-swap",
      (() => {
        if (!isSectorTf) return null;
        const spans = sectorSpans(draft, lexicon);
        const words = spans.map((s) => draft.check.sentence.slice(s.start, s.end));
        if (words.length === 0) return "the sentence does not name the sector";
        if (isCategory(lexicon, draft.check.sectorId!)) return "a broad category, not a sector: any sibling fits";
        const cue = spans.map((s) => spanCue(draft.check.sentence, s, L)).find(Boolean) ?? generalStatement(draft.check.sentence, spans, L);
        if (cue) return cue;
        const names = keyNames(lexicon, draft.check.sectorId!);
        const notName = words.find((w) => !names.some((k) => sameTerm(w, k)));
        if (notName) return `"${notName}" is not the sector's name: a swap would make nonsense`;
        // "半导体…其中芯片…" names the sector by two words (a whole and its part, or two names): the
        // swap writes one name for both ("通信技术…其中通信技术"), which can read as its own
        // contradiction, and the source's two words are gone (issue 12).
        const twoWords = words.find((w) => !sameTerm(w, words[0]) && !sameTerm(words[0], w));
        if (twoWords) return `the sentence names the sector twice in different words ("${words[0]}", "${twoWords}"): a swap writes one name for both`;
        const hidden = descendantsOf(lexicon, draft.check.sectorId!);
        if (draft.check.context && matchSectors(lexicon, draft.check.context).some((m) => hidden.has(m.sectorId))) return "the context shown names the sector: it gives a swap away";
        const swapTo = lexicon.byId.get(draft.check.distractorSectorIds?.[0] ?? "");
        const plural = words.find((w) => L === "en" && swapTo && isPlural(w) !== isPlural(swapTo.en));
        if (plural) return `"${swapTo!.en}" and "${plural}" differ in number: the swap breaks the grammar`;
        return null;
      })(),
    ],
    [
      "sector-blank",
      (() => {
        if (draft.type !== "sector-id" || !draft.check.sectorId) return null;
        if (isCategory(lexicon, draft.check.sectorId)) return "a broad category, not a sector: any sibling fits";
        // The blanked word is the key as its option reads (chips → "Semiconductors and chips"), not
        // a synonym the option does not show ("integrated circuits" → "Semiconductors and chips").
        return sectorBlankFlaw(draft.check.sentence, sectorSpans(draft, lexicon), shownName(lexicon, draft.check.sectorId, L), L);
      })(),
    ],
    ["matching-readable", lefts.map((l) => matchingStatementFlaw(l, L)).find(Boolean) ?? null],
  ];
}

/** Every sector mention of a text is a sector's name or synonym, so blanking it leaves the key's own word. */
export function mentionsByName(lexicon: Lexicon, text: string): boolean {
  return matchSectors(lexicon, text).every((m) => keyNames(lexicon, m.sectorId).some((k) => sameTerm(text.slice(m.start, m.end), k)));
}

/** A top-level entry with sectors below it ("Materials", "能源"): its name is a common word, not a sector's. */
export function isCategory(lexicon: Lexicon, sectorId: string): boolean {
  return !lexicon.byId.get(sectorId)?.parent && lexicon.entries.some((e) => e.parent === sectorId);
}

/** English number of a name: "CNC machine tools" is plural, "3D printing" and "Aerospace" are not. */
function isPlural(name: string): boolean {
  const head = name.trim().split(/\s+/).pop()!.toLowerCase();
  return /[^s]s$/.test(head) || /^(chips|semiconductors and chips)$/.test(head);
}
