import type { Figure, ParsedDocument } from "./schema";
import { numbersIn, type NumberMention } from "./numbers";
import { matchSectors, type Lexicon } from "./lexicon";
import { bindFigures, countriesIn, type Binding } from "./binding";

/** A figure with the extraction details the generator needs besides the contract's fields. */
export interface ExtractedFigure extends Figure {
  mention: NumberMention;
  sentence: string;
  sectionSectorIds: string[];
  /** Figures of the same sentence, in order, including this one. */
  siblings: string[];
  paragraphId: string;
  /** Subject, measure, time and unit, and whether each is certain (binding.ts). */
  binding: Binding;
}

// "中美", "中日两国", "美国和中国": the two countries of a 分别 list, in order.
const ABBREVIATED_ZH: Record<string, string> = { 中: "中国", 美: "美国", 日: "日本", 韩: "韩国", 德: "德国", 欧: "欧洲", 英: "英国", 法: "法国" };
const PAIRS_ZH = /(?:([中美日韩德欧英法])([中美日韩德欧英法])(?:两国|两地|双方)?|(中国|美国|日本|韩国|德国|欧洲|印度|英国|法国)[和与及](中国|美国|日本|韩国|德国|欧洲|印度|英国|法国))/g;
/**
 * Finds every figure in a document's lesson text (boilerplate is skipped) and binds it to the fact
 * it states (binding.ts: subject, measure, time, unit) and to the sectors its sentence or section
 * names. "分别 / respectively" lists pair values with subjects in order; when the counts differ no
 * subject is paired.
 */
export function extractFigures(doc: ParsedDocument, lexicon: Lexicon): ExtractedFigure[] {
  const out: ExtractedFigure[] = [];
  for (const section of doc.sections) {
    const sectionSectorIds = section.heading ? [...new Set(matchSectors(lexicon, section.heading).map((m) => m.sectorId))] : [];
    for (const paragraph of section.paragraphs) {
      if (paragraph.boilerplate) continue;
      for (const sentence of paragraph.sentences) {
        const mentions = numbersIn(sentence.text, doc.language);
        const years = mentions.filter((m) => m.kind === "year");
        const sectorIds = [...new Set(matchSectors(lexicon, sentence.text).map((m) => m.sectorId))];
        const figures = mentions.filter((m) => m.kind !== "year");
        const bindings = bindFigures(sentence.text, doc.language, figures, years, respectivelyPairs(sentence.text, doc.language, figures), lexicon);
        const ids = figures.map((_, i) => `${sentence.id}:f${i + 1}`);
        figures.forEach((m, i) => {
          const binding = bindings[i];
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
            subject: binding.subject,
            measure: binding.measure,
            time: binding.time,
            sectorIds: sectorIds.length ? sectorIds : sectionSectorIds,
            mention: m,
            sentence: sentence.text,
            sectionSectorIds,
            siblings: ids,
            paragraphId: paragraph.id,
            binding,
          });
        });
      }
    }
  }
  return out;
}

/**
 * The values a 分别 list holds: the first figure of its clause and those joined to it by 和、与、及
 * only ("分别为12千件和7千件,2030年为…": the later values are another statement).
 */
function listAfter(text: string, at: number, figures: NumberMention[]): NumberMention[] {
  if (!figures.length || /[,，;；。]/.test(text.slice(at, figures[0].start))) return [];
  const out = [figures[0]];
  for (const f of figures.slice(1)) {
    if (!/^\s*(和|与|及|以及|、)\s*$/.test(text.slice(out[out.length - 1].end, f.start))) break;
    out.push(f);
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
    const m = [...text.slice(0, positions[0]).matchAll(PAIRS_ZH)].filter((p) => !p[1] || p[1] !== p[2]).at(-1);
    if (m) names = m[1] ? [ABBREVIATED_ZH[m[1]], ABBREVIATED_ZH[m[2]]] : [m[3], m[4]];
  } else {
    const before = countriesIn(text.slice(0, positions[0]), "en").sort((a, b) => a.start - b.start);
    names = [...new Set(before.map((s) => s.name))].slice(-2);
  }
  if (names.length < 2) return out;
  positions.forEach((at, i) => {
    // The values of this list: after 分别 up to the next one (zh), or before "respectively" (en).
    const listed =
      language === "zh"
        ? listAfter(text, at, figures.filter((f) => f.start > at && f.start < (positions[i + 1] ?? text.length)))
        : figures.filter((f) => f.end <= at && f.start > (positions[i - 1] ?? -1));
    const kindOf = (f: NumberMention) => `${f.kind}|${f.unit}`;
    const sameKind = listed.filter((f) => listed.length > 0 && kindOf(f) === kindOf(listed[0]));
    if (sameKind.length !== names.length) return;
    sameKind.forEach((f, j) => out.set(f, names[j]));
  });
  return out;
}
