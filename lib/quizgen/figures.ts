import type { Figure, ParsedDocument } from "./schema";
import { findNumbers, type NumberMention } from "./numbers";
import { matchSectors, type Lexicon } from "./lexicon";

/** A figure with the extraction details the generator needs besides the contract's fields. */
export interface ExtractedFigure extends Figure {
  mention: NumberMention;
  sentence: string;
  sectionSectorIds: string[];
  /** Figures of the same sentence, in order, including this one. */
  siblings: string[];
}

const SUBJECTS_ZH: [RegExp, string][] = [
  [/中国|我国|国内/g, "中国"],
  [/美国/g, "美国"],
  [/日本/g, "日本"],
  [/韩国/g, "韩国"],
  [/欧盟|欧洲/g, "欧洲"],
];
const SUBJECTS_EN: [RegExp, string][] = [
  [/\b(China|Chinese|mainland China|domestic)\b/g, "China"],
  [/\b(the United States|the U\.S\.|the US|America|American)\b/g, "the United States"],
  [/\bJapan(ese)?\b/g, "Japan"],
  [/\b(Europe|European|EU)\b/g, "Europe"],
];
const PAIRS_ZH = /(中美两国|中美|美中|中国和美国|中国与美国|美国和中国)/;
const FORECAST = /预计|预测|将达到|forecast|expected to|will reach|projected/i;

function clauseBounds(text: string, at: number): [number, number] {
  const seps = /[,，;；。:：]/;
  let s = at;
  while (s > 0 && !seps.test(text[s - 1])) s--;
  let e = at;
  while (e < text.length && !seps.test(text[e])) e++;
  return [s, e];
}

function nearestBefore<T extends { start: number }>(items: T[], at: number): T | undefined {
  return items.filter((i) => i.start < at).sort((a, b) => b.start - a.start)[0];
}

function subjectsIn(text: string, language: "en" | "zh") {
  const table = language === "zh" ? SUBJECTS_ZH : SUBJECTS_EN;
  return table.flatMap(([re, name]) => [...text.matchAll(re)].map((m) => ({ start: m.index!, name })));
}

/**
 * Finds every figure in a document's lesson text (boilerplate is skipped) and attaches what it is
 * about: the subject (country), the measure (the words around it), the time (the nearest year,
 * marked as a forecast when the clause says so) and the sectors its sentence or section names.
 * "分别 / respectively" lists pair values with subjects in order; when the counts differ no subject
 * is paired.
 */
export function extractFigures(doc: ParsedDocument, lexicon: Lexicon): ExtractedFigure[] {
  const out: ExtractedFigure[] = [];
  for (const section of doc.sections) {
    const sectionSectorIds = section.heading ? [...new Set(matchSectors(lexicon, section.heading).map((m) => m.sectorId))] : [];
    for (const paragraph of section.paragraphs) {
      if (paragraph.boilerplate) continue;
      for (const sentence of paragraph.sentences) {
        const mentions = findNumbers(sentence.text, doc.language);
        const years = mentions.filter((m) => m.kind === "year");
        const subjects = subjectsIn(sentence.text, doc.language);
        const sectorIds = [...new Set(matchSectors(lexicon, sentence.text).map((m) => m.sectorId))];
        const figures = mentions.filter((m) => m.kind !== "year");
        const pairSubjects = respectivelyPairs(sentence.text, doc.language, figures);
        const ids = figures.map((_, i) => `${sentence.id}:f${i + 1}`);
        figures.forEach((m, i) => {
          const [cs, ce] = clauseBounds(sentence.text, m.start);
          const year = nearestBefore(years, m.start) ?? years.find((y) => y.start > m.end && y.start < ce);
          const clause = sentence.text.slice(cs, ce);
          const forecast = FORECAST.test(sentence.text.slice(Math.max(0, (year?.start ?? cs) - 6), ce));
          const subject = pairSubjects.get(m) ?? nearestBefore(subjects.filter((s) => s.start >= cs), m.start)?.name ?? nearestBefore(subjects, m.start)?.name ?? null;
          out.push({
            id: ids[i],
            documentSlug: doc.slug,
            sentenceId: sentence.id,
            text: m.text,
            value: m.value,
            kind: m.kind,
            unit: m.unit,
            currency: m.currency,
            scale: m.scale,
            decimals: m.decimals,
            hedge: m.hedge,
            subject,
            measure: clause.replace(m.text, "…").trim().slice(0, 120) || null,
            time: year ? `${year.value}${forecast ? " (forecast)" : ""}` : null,
            sectorIds: sectorIds.length ? sectorIds : sectionSectorIds,
            mention: m,
            sentence: sentence.text,
            sectionSectorIds,
            siblings: ids,
          });
        });
      }
    }
  }
  return out;
}

/**
 * For "中美…分别为 A 和 B(,…分别为 C 和 D)" and "X and Y … respectively": the subject of each listed
 * value. Each list must have exactly as many values (of one kind) as there are subjects, or none
 * of its values is paired.
 */
function respectivelyPairs(text: string, language: "en" | "zh", figures: NumberMention[]): Map<NumberMention, string> {
  const out = new Map<NumberMention, string>();
  const marker = language === "zh" ? /分别/g : /\brespectively\b/g;
  const positions = [...text.matchAll(marker)].map((m) => m.index!);
  if (positions.length === 0) return out;
  let names: string[] = [];
  if (language === "zh") {
    const m = text.slice(0, positions[0]).match(new RegExp(`${PAIRS_ZH.source}[^。]*$`));
    if (m) names = m[1].startsWith("美") ? ["美国", "中国"] : ["中国", "美国"];
  } else {
    const before = subjectsIn(text.slice(0, positions[0]), "en").sort((a, b) => a.start - b.start);
    names = [...new Set(before.map((s) => s.name))].slice(-2);
  }
  if (names.length < 2) return out;
  positions.forEach((at, i) => {
    // The values of this list: after 分别 up to the next one (zh), or before "respectively" (en).
    const listed =
      language === "zh"
        ? figures.filter((f) => f.start > at && f.start < (positions[i + 1] ?? text.length))
        : figures.filter((f) => f.end <= at && f.start > (positions[i - 1] ?? -1));
    const kindOf = (f: NumberMention) => `${f.kind}|${f.unit}`;
    const sameKind = listed.filter((f) => listed.length > 0 && kindOf(f) === kindOf(listed[0]));
    if (sameKind.length !== names.length) return;
    sameKind.forEach((f, j) => out.set(f, names[j]));
  });
  return out;
}
