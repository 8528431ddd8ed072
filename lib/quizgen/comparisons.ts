import { comparable } from "./binding";
import type { ExtractedFigure } from "./figures";
import { numbersIn, type NumberMention } from "./numbers";
import { orderCue } from "./order-cues";
import type { Language } from "./schema";

/** A source sentence's numbers, read once per build (every figure of the sentence asks; read-only). */
function sentenceNumbers(sentence: string, language: Language): readonly NumberMention[] {
  return numbersIn(sentence, language);
}

/**
 * Why a set of figures cannot be put in order, or null when it can: every pair surely states the
 * same measure, unit and time of different subjects of one kind, no value is a bound ("more than
 * 30%" cannot be ordered against 28%) and the values differ.
 */
export function whyNotComparable(items: ExtractedFigure[]): string | null {
  for (const f of items) if (f.mention.hedgeDirection === "lower" || f.mention.hedgeDirection === "upper") return `${f.text} is a bound`;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const why = comparable(items[i].binding, items[j].binding);
      if (why) return why;
      if (items[i].binding.subjectKind !== items[j].binding.subjectKind) return "subjects of different kinds";
      if (items[i].value === items[j].value) return "equal values";
    }
  }
  return null;
}

/** The word of the items' sentence that already says which is larger, or null. */
export function revealedOrder(items: ExtractedFigure[], language: Language): string | null {
  for (const sentence of new Set(items.map((f) => f.sentence))) {
    const cue = orderCue(sentence, sentenceNumbers(sentence, language).filter((m) => m.kind !== "ratio").map((m) => m.text), language);
    if (cue) return `the sentence gives the order away ("${cue}")`;
  }
  return null;
}

/** The word of the sentence shown before a comparison that says which is larger, or null. */
export function contextOrderCue(context: string | undefined, language: Language): string | null {
  if (!context) return null;
  const cue = orderCue(context, numbersIn(context, language).filter((m) => m.kind !== "ratio").map((m) => m.text), language);
  return cue ? `the sentence shown before gives the order away ("${cue}")` : null;
}

/**
 * Candidate groups: one sentence's figures bound to the same measure, unit and time. Whether they
 * may really be compared (certain bindings, different subjects, no bounds) is the "comparable"
 * check's call, and whether the sentence gives the order away the "no-order-cue" check's.
 */
export function comparableGroups(figures: ExtractedFigure[]): ExtractedFigure[][] {
  const groups = new Map<string, ExtractedFigure[]>();
  for (const f of figures) {
    if (f.kind === "year") continue;
    const b = f.binding;
    const key = `${f.sentenceId}|${b.measure}|${b.unit}|${b.time}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()].filter((g) => g.length >= 2);
}

/**
 * Why a figure's own question would be answered by the rest of its sentence, or null: the figure it
 * is compared with (same measure, unit and time, another subject) is shown beside it, and the
 * sentence says which is larger or by how much ("分别为____和4313人,美国是中国的4倍", "____和41.2%,
 * 中国略高于美国"), so the key can be computed (typed) or bounded (multiple choice). "相比 / compared
 * with" alone says neither.
 */
export function derivableKey(f: ExtractedFigure, sentenceFigures: ExtractedFigure[], language: Language, typed = false): string | null {
  // A multiple ("美国是中国的____") beside the two values it divides is computed, not recalled.
  if (f.kind === "ratio") {
    const pair = sentenceFigures.filter((g) => g.id !== f.id && g.kind !== "ratio" && g.kind !== "year");
    const sameUnit = pair.find((a) => pair.some((b) => b !== a && b.kind === a.kind && b.unit === a.unit && b.binding.measure === a.binding.measure));
    return sameUnit ? `the multiple follows from ${sameUnit.text} and the other value beside it` : null;
  }
  const partner = sentenceFigures.find((g) => g.id !== f.id && !whyNotComparable([f, g]));
  if (!partner) return null;
  // Multiple choice: any word of the sentence that says which is larger rules options out.
  if (!typed) {
    const all = sentenceNumbers(f.sentence, language);
    const anywhere = orderCue(f.sentence.replace(/相比|比较|compared (with|to)/gi, " "), all.filter((m) => m.kind !== "ratio").map((m) => m.text), language);
    if (anywhere) return `the key is bounded by ${partner.text} and "${anywhere}"`;
    return null;
  }
  // The cue must sit in the pair's clauses or the clause right after them, not in a statement
  // about other figures of the same sentence.
  const s = f.sentence;
  const seps = [...s.matchAll(/[,，;；。]/g)].map((m) => m.index!);
  const from = Math.max(-1, ...seps.filter((i) => i < Math.min(f.mention.start, partner.mention.start)));
  const later = Math.max(f.mention.end, partner.mention.end);
  const after = seps.filter((i) => i >= later);
  const span = s.slice(from + 1, after[1] ?? s.length);
  const mentions = numbersIn(span, language);
  const cue = orderCue(span.replace(/相比|比较|compared (with|to)/gi, " "), mentions.filter((m) => m.kind !== "ratio").map((m) => m.text), language);
  // A typed answer is given away only when it can be computed (a multiple); a direction ("略高于")
  // gives away multiple choice, whose options on the wrong side it rules out.
  if (!cue || (typed && !/倍|times|twice|double|half|fold/i.test(cue))) return null;
  return `the key follows from ${partner.text} and "${cue}"`;
}
