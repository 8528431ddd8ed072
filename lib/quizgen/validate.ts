import type { Draft } from "./generate";
import { findNumbers, numbersIn } from "./numbers";
import { depthOf, descendantsOf, matchSectors, type Lexicon } from "./lexicon";
import { withoutHedge } from "./format";
import { itemChecks, type ItemCheckName } from "./item-checks";
import { contextOrderCue, derivableKey, revealedOrder, whyNotComparable } from "./comparisons";
import { otherComparableFigures } from "./ordering-questions";
import { orderCue } from "./order-cues";

/** The checks of docs/question-rules.md that code can decide, by name. */
export const CHECKS = ["generation", "answerable", "no-leak", "option-hygiene", "sibling-distractors", "single-fact", "length", "comparable", "no-order-cue"] as const;
export type CheckName = (typeof CHECKS)[number] | ItemCheckName;

export interface CheckResult {
  passed: CheckName[];
  failed: { check: CheckName; reason: string }[];
}

const BLANK = "____";
const NEGATION = { en: /\b(not|never|no|none)\b|n't\b/i, zh: /不是|并非|没有|未能/ };

function check(draft: Draft, lexicon: Lexicon): CheckResult {
  const failed: CheckResult["failed"] = [];
  const passed: CheckName[] = [];
  const run = (name: CheckName, reason: string | null) => (reason ? failed.push({ check: name, reason }) : passed.push(name));
  const f = draft.check.figure;

  run("generation", draft.rejectedReason ?? null);

  // Answerable from the source alone: one blank, a qualifier (year, country or sector) in the
  // stem, and the round trip: refilling the blank, the number parser reads back the key.
  run(
    "answerable",
    (() => {
      if (draft.type !== "figure-mc" && draft.type !== "figure-typed") return null;
      if (draft.check.compared) return null; // a comparison: its key is a subject, checked by "comparable"
      if (!f) return "no key figure";
      const blanks = draft.stem.split(BLANK).length - 1;
      if (blanks !== 1) return `${blanks} blanks in the stem`;
      const year = f.time?.slice(0, 4);
      const hasQualifier = (year && draft.stem.includes(year)) || (f.subject && draft.stem.includes(f.subject === "the United States" ? "U" : f.subject)) || matchSectors(lexicon, draft.stem).length > 0 || /China|Chinese|domestic|中国|美国|中美/.test(draft.stem);
      if (!hasQualifier) return "the stem names no year, country or sector";
      if (f.time && /^\d{4}/.test(f.time) && !draft.stem.includes(f.time.slice(0, 4))) return `the stem lost the figure's year ${f.time}`;
      const refilled = draft.stem.replace(BLANK, withoutHedge(f.mention));
      // (A figure's multiple-choice and typed drafts share this text: read once per build.)
      const read = numbersIn(refilled, draft.language).filter((m) => m.kind === f.kind && Math.abs(m.value - f.value) <= Math.abs(f.value) * 1e-9);
      return read.length >= 1 ? null : "round trip: the parser does not read the key back from the stem";
    })(),
  );

  // No leaks: the key is not in its own stem.
  run(
    "no-leak",
    (() => {
      if (f && (draft.type === "figure-mc" || draft.type === "figure-typed")) {
        if (draft.stem.includes(withoutHedge(f.mention))) return "the key appears in the stem";
        const derivable = derivableKey(f, draft.check.sentenceFigures ?? [], draft.language, draft.type === "figure-typed");
        if (derivable) return derivable;
        // The sentence shown before may say which is larger ("且美国远超于中国"): beside the figure it
        // is compared with, that rules multiple-choice options out.
        const partner = (draft.check.sentenceFigures ?? []).find((g) => g.id !== f.id && !whyNotComparable([f, g]));
        const cue = draft.type === "figure-mc" && partner ? contextOrderCue(draft.check.context, draft.language) : null;
        if (cue) return `the key is bounded by ${partner!.text} and ${cue}`;
        return draft.type === "figure-mc" ? nearestOptionIsKey(draft) : null;
      }
      if (draft.type === "sector-id" && draft.check.sectorId) {
        const hidden = descendantsOf(lexicon, draft.check.sectorId);
        return matchSectors(lexicon, draft.stem).some((m) => hidden.has(m.sectorId)) ? "the sector is named in the stem" : null;
      }
      return null;
    })(),
  );

  // Option hygiene: four distinct options, numeric ones sorted and in the key's format.
  run(
    "option-hygiene",
    (() => {
      if (draft.type !== "figure-mc" && draft.type !== "sector-id") return null;
      const options = draft.options ?? [];
      if (draft.check.compared) return options.length === 2 && options.some((o) => o.id === draft.correctOptionId) ? null : "a comparison needs two options, one of them the key";
      if (options.length !== 4) return `${options.length} options`;
      if (new Set(options.map((o) => o.text.trim())).size !== 4) return "options are not all different";
      if (!options.some((o) => o.id === draft.correctOptionId)) return "no option is the key";
      if (draft.type === "figure-mc") {
        const values = draft.check.optionValues ?? [];
        if (values.some((v, i) => i > 0 && v <= values[i - 1])) return "numeric options are not sorted";
        const shape = (t: string) => t.replace(/\d/g, "9").replace(/9+/g, "9").replace(/,/g, "");
        const keyShape = shape(draft.answerText);
        if (options.some((o) => shape(o.text) !== keyShape)) return "an option is written in another format than the key";
        if (f?.kind === "percent" && values.some((v) => v < 0 || (draft.answerText.endsWith("%") && (f.value <= 100 ? v > 100 : false)))) return "a percent option is out of bounds";
      }
      return null;
    })(),
  );

  // Sector distractors sit at the key's level of the lexicon (siblings first), never its parent or
  // child, and are not named in the same sentence.
  run(
    "sibling-distractors",
    (() => {
      const key = draft.check.sectorId;
      if (!key || !draft.check.distractorSectorIds) return null;
      for (const d of draft.check.distractorSectorIds) {
        if (depthOf(lexicon, d) !== depthOf(lexicon, key)) return `${d} is not at the level of ${key}`;
        if (descendantsOf(lexicon, key).has(d) || descendantsOf(lexicon, d).has(key)) return `${d} and ${key} are parent and child`;
        if (matchSectors(lexicon, draft.check.sentence).some((m) => m.sectorId === d)) return `${d} is named in the same sentence`;
      }
      return null;
    })(),
  );

  // One fact per stem and no negative statements to judge.
  run("single-fact", (draft.type === "true-false" || draft.type === "sector-id") && NEGATION[draft.language].test(draft.check.sentence) ? "the statement is negative" : null);

  for (const [name, reason] of itemChecks(draft, lexicon)) run(name, reason);
  run("length", draft.stem.length > 600 ? `stem of ${draft.stem.length} characters` : null);

  // Ordering and comparison: 2 items (a comparison) or 3–5 (an ordering), surely the same measure,
  // unit and time of different subjects, labelled by those subjects.
  const compared = draft.check.compared;
  run(
    "comparable",
    (() => {
      if (!compared) return draft.type === "ordering" ? "an ordering without its figures" : null;
      const [min, max] = draft.type === "ordering" ? [3, 5] : [2, 2];
      if (compared.length < min || compared.length > max) return `${compared.length} items (needs ${min}–${max})`;
      const why = whyNotComparable(compared);
      if (why) return why;
      const labels = (draft.options ?? []).map((o) => o.text).sort();
      const subjects = compared.map((c) => c.binding.subject ?? "").sort();
      return labels.join("|") === subjects.join("|") ? null : "the options are not the figures' subjects";
    })(),
  );
  // The source sentence must not say which is larger ("far below", "远低于", "是美国的4倍").
  // With the sentence before shown, that sentence must not say it either ("且美国远超于中国").
  // Nor may the stem keep another figure of the same kind and unit: "2030年分别为15000件和22000件"
  // beside the blanked 2025 pair says which is larger as well as any order word does.
  const others = compared ? otherComparableFigures(draft.stem, compared, draft.language) : [];
  run(
    "no-order-cue",
    compared ? (revealedOrder(compared, draft.language) ?? contextOrderCue(draft.check.context, draft.language) ?? (others.length ? `the stem keeps other figures of the same unit (${others.join(", ")})` : null)) : null,
  );
  return { passed, failed };
}

/**
 * A test-wise reader picks the option nearest to a figure of the same kind and unit shown in the
 * stem: the other year of a series ("2025年19千件" → 2030 ____: 18千件), the value the key is said to
 * exceed ("超过芬兰的诺基亚(1427件)" → 1554件), the multiple of another year (2.8倍 → 3倍). When that
 * option is the key, the stem gives it away (G4).
 */
function nearestOptionIsKey(draft: Draft): string | null {
  const f = draft.check.figure;
  const options = draft.options ?? [];
  const keyIndex = options.findIndex((o) => o.id === draft.correctOptionId);
  if (!f || keyIndex < 0) return null;
  // The options' values and the sentence's order cue are read only for a stem figure of the key's
  // kind and unit (most stems show none): both are pure, so reading them later changes nothing.
  let values: number[] | undefined;
  let sentenceCue: string | null | undefined;
  // Only figures tied to the key: the same subject's other year (a series), or any figure of a
  // sentence that says which is larger ("超过", "远高于"), or a multiple beside a multiple.
  const tied = (m: { text: string; value: number; kind: string }) => {
    if (sentenceCue === undefined) sentenceCue = orderCue(f.sentence, numbersIn(f.sentence, draft.language).filter((m) => m.kind !== "ratio").map((m) => m.text), draft.language);
    if (sentenceCue || f.kind === "ratio") return true;
    const g = (draft.check.sentenceFigures ?? []).find((x) => x.id !== f.id && x.value === m.value && x.kind === m.kind);
    return !!g && !!f.binding.subject && g.binding.subject === f.binding.subject && g.binding.measure === f.binding.measure;
  };
  for (const m of findNumbers(draft.stem, draft.language)) {
    if (m.kind !== f.kind || m.unit !== f.unit || !tied(m)) continue;
    values ??= options.map((o) => numbersIn(o.text, draft.language).find((x) => x.kind === f.kind)?.value ?? Number.NaN);
    const distance = values.map((v) => Math.abs(v - m.value));
    const nearest = Math.min(...distance);
    if (distance[keyIndex] === nearest && distance.filter((d) => d === nearest).length === 1) return `the key is the option nearest to ${m.text}, shown in the stem`;
  }
  return null;
}

/** Runs every check on every draft. */
export function validateDrafts(drafts: Draft[], lexicon: Lexicon): Map<Draft, CheckResult> {
  return new Map(drafts.map((d) => [d, check(d, lexicon)]));
}
