import Decimal from "decimal.js";
import type { QuizQuestion } from "@/lib/quiz/question";
import { scaleOfUnitLabel } from "@/lib/quizgen/typed-answer";
import { say } from "@/lib/quizgen/templates";

/**
 * What every exporter receives: the reviewed questions as their reader sees them (edits applied,
 * retired ones already left out by the caller), and a title for the file. Exporters are pure.
 */
export interface ExportBank {
  /** Lesson title, sector name or "Selected questions": names the category, deck or test. */
  title: string;
  /** A stable key of the scope ("lesson:slug", "sector:id", "selection"): Anki's deck id comes from it. */
  scopeKey: string;
  questions: QuizQuestion[];
}

const WORDS = {
  en: { source: "Source", id: "Question id", true: "True", false: "False" },
  zh: { source: "出处", id: "题目编号", true: "正确", false: "错误" },
} as const;

/** Words that go into the exported items, in the question's own language. */
export function wordsFor(q: Pick<QuizQuestion, "language">) {
  return q.language === "zh" ? WORDS.zh : WORDS.en;
}

/** "Source: “…”" in the question's language. */
export function sourceLine(q: QuizQuestion): string {
  const w = wordsFor(q);
  return q.language === "zh" ? `${w.source}：“${q.source.quote}”` : `${w.source}: “${q.source.quote}”`;
}

/**
 * The question text as exported. A typed question's stem names its unit ("(answer in %)"); if an
 * edit took the unit out, it is said again, as an LMS grades the bare number in that unit.
 */
export function exportStem(q: QuizQuestion): string {
  const unit = q.answerUnit?.trim();
  if (q.type !== "figure-typed" || !unit || q.stem.includes(unit)) return q.stem;
  return q.stem + say("typedUnit", q.language === "zh" ? "zh" : "en")(unit);
}

/**
 * The general feedback every format carries: the explanation, the source quote (unless the
 * explanation already quotes it, as generated ones do) and the question id.
 */
export function feedbackLines(q: QuizQuestion): string[] {
  const w = wordsFor(q);
  const source = q.explanation.includes(q.source.quote) ? "" : sourceLine(q);
  return [q.explanation, source, q.language === "zh" ? `${w.id}：${q.id}` : `${w.id}: ${q.id}`].filter((line) => line.trim() !== "");
}

/** The key's option of a one-key question (figure-mc, sector-id). */
export function keyOption(q: QuizQuestion): { id: string; text: string } {
  const key = (q.options ?? []).find((o) => o.id === q.correctOptionId);
  if (!key) throw new Error(`question ${q.id} has no key option`);
  return key;
}

/**
 * A typed question's key in the unit the stem asks for ("（单位：亿美元）": 107.8 ± 0.05, not the base
 * value 10,780,000,000): what a student types in an LMS that reads a bare number.
 */
export function numericKey(q: QuizQuestion): { value: number; tolerance: number } {
  if (q.answerValue == null) throw new Error(`question ${q.id} has no numeric key`);
  const scale = scaleOfUnitLabel(q.answerUnit ?? "");
  const inUnit = (v: number) => new Decimal(v).div(scale).toSignificantDigits(12).toNumber();
  return { value: inUnit(q.answerValue), tolerance: inUnit(q.tolerance ?? 0) };
}

/** Matching pairs as texts: a pair's right side names an option by id (or, in older banks, by text). */
export function matchPairs(q: QuizQuestion): { left: string; right: string }[] {
  const options = q.options ?? [];
  return (q.pairs ?? []).map((p) => ({ left: p.left, right: options.find((o) => o.id === p.right)?.text ?? p.right }));
}

/** Options of a matching question that answer no pair (distractors on the right). */
export function unmatchedRights(q: QuizQuestion): string[] {
  const used = new Set(matchPairs(q).map((p) => p.right));
  return (q.options ?? []).map((o) => o.text).filter((t) => !used.has(t));
}

/** An ordering question's items in the key's order (largest first). */
export function orderedItems(q: QuizQuestion): { id: string; text: string }[] {
  const options = new Map((q.options ?? []).map((o) => [o.id, o]));
  return (q.correctOrder ?? []).map((id) => {
    const o = options.get(id);
    if (!o) throw new Error(`question ${q.id} orders an unknown option ${id}`);
    return o;
  });
}

/** A name safe as a file name and an XML identifier (NCName): "q-" + the id with other characters as "_". */
export function safeIdentifier(id: string): string {
  return `q-${id.replace(/[^A-Za-z0-9_.-]/g, "_")}`;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** Text as HTML (one paragraph per line). */
export function htmlParagraphs(lines: string[]): string {
  return lines.map((line) => `<p>${escapeXml(line)}</p>`).join("");
}

/** A number as plain decimal digits (never "1e-7"), as every format's number fields expect. */
export function plainNumber(n: number): string {
  return new Decimal(n).toFixed();
}
