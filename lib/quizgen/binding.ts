import nlp from "compromise";
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { matchSectors, type Lexicon } from "./lexicon";
import type { NumberMention } from "./numbers";
import { buildMemo } from "./build-memo";

/** What a figure measures, by the words that name it. Figures are compared only within one measure. */
export type Measure = "share" | "growth" | "rate" | "intensity" | "value" | "count" | "ratio";
export type SubjectKind = "country" | "company" | "sector";

/** The fact a figure states: who, what, when and in which unit, and whether every part is certain. */
export interface Binding {
  subject: string | null;
  subjectKind: SubjectKind | null;
  measure: Measure | null;
  /** A year ("2020", "2030 (forecast)") or a time word ("current"), from the figure's own words when possible. */
  time: string | null;
  /** kind, unit and scale together: figures are comparable only with the same one. */
  unit: string;
  /** Why the binding is not certain; empty when it is. An unsure figure gets no comparison or ordering. */
  unsure: string[];
}

const COUNTRIES_ZH: [RegExp, string][] = [
  [/中国|我国|国内/g, "中国"],
  [/美国/g, "美国"],
  [/日本/g, "日本"],
  [/韩国/g, "韩国"],
  [/德国/g, "德国"],
  [/法国/g, "法国"],
  [/英国/g, "英国"],
  [/印度/g, "印度"],
  [/西班牙/g, "西班牙"],
  [/意大利/g, "意大利"],
  [/荷兰/g, "荷兰"],
  [/巴西/g, "巴西"],
  [/加拿大/g, "加拿大"],
  [/俄罗斯/g, "俄罗斯"],
  [/越南/g, "越南"],
  [/欧盟|欧洲/g, "欧洲"],
];
const COUNTRIES_EN: [RegExp, string][] = [
  [/\b(China|Chinese|mainland China|domestic)\b/g, "China"],
  [/\b(the United States|the U\.S\.|the US|U\.S\.|US|America|American)\b/g, "the United States"],
  [/\bJapan(ese)?\b/g, "Japan"],
  [/\b(South )?Korea(n)?\b/g, "South Korea"],
  [/\bGerman(y)?\b/g, "Germany"],
  [/\b(France|French)\b/g, "France"],
  [/\b(the UK|the United Kingdom|Britain|British)\b/g, "the United Kingdom"],
  [/\bIndia(n)?\b/g, "India"],
  [/\b(Spain|Spanish)\b/g, "Spain"],
  [/\b(Italy|Italian)\b/g, "Italy"],
  [/\b(the Netherlands|Dutch)\b/g, "the Netherlands"],
  [/\b(Brazil|Brazilian)\b/g, "Brazil"],
  [/\b(Canada|Canadian)\b/g, "Canada"],
  [/\b(Russia|Russian)\b/g, "Russia"],
  [/\b(Vietnam|Vietnamese)\b/g, "Vietnam"],
  [/\b(Europe|European|EU)\b/g, "Europe"],
];

const MEASURES: Record<"en" | "zh", [RegExp, Measure][]> = {
  en: [
    [/\b(market share|shares?|proportion|percentage|accounts? for|accounted for|made up|held|holds?)\b/gi, "share"],
    [/\b(grow|grew|grown|growth|increased?|increases|rose|risen|rise|fell|fallen|declined?|drop(ped)?)\b/gi, "growth"],
    [/\b(rate|self-sufficiency|dependence|reliance|localization)\b/gi, "rate"],
    [/\bintensity\b/gi, "intensity"],
    [/\b(worth|value[sd]?|revenues?|sales|output|market|exports?|imports?|spending|spend|spent|investments?|invested|GDP|size|budget)\b/gi, "value"],
    [/\b(number of|patents?|companies|firms|enterprises|units|applications|researchers|workers)\b/gi, "count"],
    [/\b(times|-fold)\b/gi, "ratio"],
  ],
  zh: [
    [/份额|占比|比重|占有率|所占|比例|占/g, "share"],
    [/增长|增速|增幅|同比|下降|上升|提高|降低|减少/g, "growth"],
    [/自给率|国产化率|依存度|渗透率|率/g, "rate"],
    [/强度/g, "intensity"],
    [/规模|产值|销售额|收入|营收|出口|进口|投资|投入|市场|总额|金额|产量|支出/g, "value"],
    [/数量|专利|申请量|授予量|企业|人员|人数|销量|出货量|装机量|保有量/g, "count"],
    [/倍/g, "ratio"],
  ],
};

// Years, and words that stand for a time without a year ("Europe's current share").
const TIME_WORDS: Record<"en" | "zh", [RegExp, string][]> = {
  en: [[/\b(current(ly)?|now|today|at present|presently)\b/gi, "current"]],
  zh: [[/目前|当前|现在|如今|现阶段/g, "current"]],
};
const FORECAST = /预计|预测|将达到|将|有望|forecast|expected|will|projected|by 20\d\d/i;
// Clause ends: a figure's own words never reach past these.
const CLAUSE_END = { en: /[;:]|,\s(?:and|but|while|whereas)\b|\bwhile\b|\bwhereas\b/, zh: /[,，;；:：。]/ };

const COMMON_CAPITALISED = /^(In|The|By|Since|From|According|At|As|On|For|Of|And|But|While|With|This|That|These|Its|It|A|An|To|After|Before|During|Over|Under|About|Between|Among)$/;

let jieba: Jieba | null = null;
function tagger(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

interface Found<T> {
  start: number;
  value: T;
}

// Each table's expressions compiled once in the form their use needs (global to find every match,
// non-global to test), not once per call: binding runs them for every figure.
const globals = new WeakMap<RegExp, RegExp>();
const tests = new WeakMap<RegExp, RegExp>();
function globalOf(re: RegExp): RegExp {
  let g = globals.get(re);
  if (!g) globals.set(re, (g = new RegExp(re.source, re.flags.includes("g") ? re.flags : `${re.flags}g`)));
  return g;
}
function testOf(re: RegExp): RegExp {
  let t = tests.get(re);
  if (!t) tests.set(re, (t = new RegExp(re.source, re.flags.replace("g", ""))));
  return t;
}

function matchAll<T>(text: string, table: [RegExp, T][], offset = 0): Found<T>[] {
  // matchAll works on a copy of the expression: the shared one's lastIndex is never moved.
  return table.flatMap(([re, value]) => [...text.matchAll(globalOf(re))].map((m) => ({ start: offset + m.index!, value })));
}

/** Whether a country's name starts the text (an expression's leftmost match is at 0 when it can match there). */
function startsWithCountry(text: string): boolean {
  return COUNTRIES_EN.some(([re]) => testOf(re).exec(text)?.index === 0);
}

const last = <T>(items: Found<T>[]) => [...items].sort((a, b) => b.start - a.start)[0];

/** The measure a stretch of words names; when it names several, the more specific (table order) wins. */
function measureIn(text: string, language: "en" | "zh"): Measure | null {
  return MEASURES[language].find(([re]) => testOf(re).test(text))?.[1] ?? null;
}

/** Where the clause holding position `at` starts. */
function clauseStart(text: string, at: number, language: "en" | "zh"): number {
  const re = globalOf(CLAUSE_END[language]);
  let start = 0;
  for (const m of text.matchAll(re)) if (m.index! + m[0].length <= at) start = m.index! + m[0].length;
  return start;
}

// compromise's last step, "chunks" (noun and verb phrases), sets no tag, and "#ProperNoun+" reads
// tags only: it is left out of this look-up (a quarter of its time), and put back right after.
const world = nlp.world() as unknown as { hooks: string[] };

function properNouns(text: string): string[] {
  const hooks = world.hooks;
  world.hooks = hooks.filter((hook) => hook !== "chunks");
  try {
    return nlp(text).match("#ProperNoun+").out("array") as string[];
  } finally {
    world.hooks = hooks;
  }
}

/**
 * The proper nouns of a stretch of words, tagged once per build for stretches that differ only in
 * their digits ("In 2019, Samsung's share was 31% and" / "In 2020, … 34% and"): the names found
 * are words, and a stretch whose names hold a digit is tagged afresh. Measured on the seeds and
 * generated documents: the same bank byte for byte (decisions/0110).
 */
function properNounsOf(text: string): string[] {
  const shape = text.replace(/\d/g, "0");
  const terms = buildMemo("proper-nouns", shape, () => properNouns(text));
  if (!terms.some((t) => /\d/.test(t))) return terms;
  return buildMemo("proper-nouns-exact", text, () => properNouns(text));
}

/**
 * Names of companies, products and places in a stretch of words: countries from a fixed table,
 * then proper nouns (compromise for English; jieba's name tags nr/ns/nt/nz and Latin words for
 * Chinese). The nearest to the figure wins.
 */
function subjectIn(text: string, offset: number, language: "en" | "zh"): Found<{ name: string; kind: SubjectKind }> | undefined {
  const countries = matchAll(text, language === "zh" ? COUNTRIES_ZH : COUNTRIES_EN, offset).map((c) => ({ start: c.start, value: { name: c.value, kind: "country" as const } }));
  const names: Found<{ name: string; kind: SubjectKind }>[] = [];
  if (language === "en") {
    // compromise only where a capitalised word other than a country could be a name: it is the
    // costly step of the build, and most figures' words name a country or no one.
    const capitalised = [...text.matchAll(/\b[A-Z][A-Za-z0-9&.-]*/g)].filter((w) => !COMMON_CAPITALISED.test(w[0]) && !startsWithCountry(text.slice(w.index!, w.index! + w[0].length + 20)));
    const terms = capitalised.length ? properNounsOf(text) : [];
    for (const term of terms) {
      const name = term.replace(/['’]s$/, "").replace(/[^A-Za-z0-9 .&-]/g, "").trim();
      if (!name || matchAll(name, COUNTRIES_EN).length || /^(In|The|By|Since|From|According)$/.test(name)) continue;
      names.push({ start: offset + text.indexOf(name), value: { name, kind: "company" } });
    }
  } else {
    let at = 0;
    const words = buildMemo("jieba-tags", text, () => tagger().tag(text));
    words.forEach(({ word, tag }, i) => {
      const start = text.indexOf(word, at);
      at = start + word.length;
      // Latin names count (Amazon, Qualcomm), acronyms do not (PCT, AI, IC name no company).
      const isName = /^(nr|nrt|nt)$/.test(tag) || (tag === "eng" && /^[A-Z][a-z]/.test(word));
      // A clause's topic: the first noun, right after the clause start, followed by 的/为/占/目前
      // ("小米目前的份额为5%"), which jieba tags as a common noun.
      const topic = /^n/.test(tag) && word.length >= 2 && /^[\s,，;；、:：]*(而|但|其中[,，]?)?$/.test(text.slice(0, start)) && /^(的|为|占|目前|当前|在)/.test(words[i + 1]?.word ?? "") && !measureIn(word, "zh");
      if ((isName || topic) && !matchAll(word, COUNTRIES_ZH).length) names.push({ start: offset + start, value: { name: word, kind: "company" } });
    });
  }
  return last([...countries, ...names]);
}

/** Countries named in a text, in the table's names ("中美" lists are read by figures.ts). */
export function countriesIn(text: string, language: "en" | "zh"): { start: number; name: string }[] {
  return matchAll(text, language === "zh" ? COUNTRIES_ZH : COUNTRIES_EN).map((c) => ({ start: c.start, name: c.value }));
}

// English puts a figure's time after it: "27% in 2020", "38% today", "10.6% of Germany's
// electricity in 2022", but not past another clause ("5% and Japan's share in 2020 …").
const TIME_AFTER_EN = /^(?:(?!\b(?:and|while|but|whereas)\b)[^;:,]){0,60}?\b(?:(?:in|by|for|during|as of)\s+((?:19|20)\d\d)\b|(today|now|at present|currently)\b)/i;

function timeIn(text: string, offset: number, years: NumberMention[], language: "en" | "zh"): Found<string> | undefined {
  const end = offset + text.length;
  const found: Found<string>[] = years.filter((y) => y.start >= offset && y.end <= end).map((y) => ({ start: y.start, value: String(y.value) }));
  return last([...found, ...matchAll(text, TIME_WORDS[language], offset)]);
}

function unitOf(m: NumberMention): string {
  return `${m.kind}|${m.unit ?? ""}|${m.scale ?? ""}`;
}

/**
 * Binds every figure of one sentence. A figure's own words are those between the previous figure
 * (or its clause's start) and itself; its subject, measure and time come from there first. A
 * "分别 / respectively" list gives its subjects in order (`listed`). What is missing is inherited
 * only from the same clause (the previous figure's measure, the clause's year) or, for the time,
 * from a sentence with a single time; anything else leaves the binding unsure.
 */
export function bindFigures(sentence: string, language: "en" | "zh", figures: NumberMention[], years: NumberMention[], listed: Map<NumberMention, string>, lexicon: Lexicon): Binding[] {
  const sentenceTimes = [...new Set([...years.map((y) => String(y.value)), ...matchAll(sentence, TIME_WORDS[language]).map((t) => t.value)])];
  const out: Binding[] = [];
  figures.forEach((m, i) => {
    const unsure: string[] = [];
    const cs = clauseStart(sentence, m.start, language);
    const prev = figures[i - 1];
    // The previous figure's trailing time ("27% in 2020 and …") is its own, not this figure's.
    const prevEnd = prev && prev.end <= m.start ? prev.end + (language === "en" ? (sentence.slice(prev.end, m.start).match(TIME_AFTER_EN)?.[0].length ?? 0) : 0) : 0;
    const ownStart = Math.min(m.start, Math.max(cs, prevEnd));
    const own = sentence.slice(ownStart, m.start);
    const clause = sentence.slice(cs, m.start);

    // Time: "… 17% in 2020" (the year right after, English), the figure's own words, its clause,
    // then a sentence with one time only.
    const after = sentence.slice(m.end, figures[i + 1]?.start ?? sentence.length);
    const timeAfter = language === "en" ? after.match(TIME_AFTER_EN) : null;
    let time = timeAfter?.[1] ?? (timeAfter?.[2] ? "current" : null) ?? timeIn(own, ownStart, years, language)?.value ?? null;
    if (!time) {
      const inClause = timeIn(clause, cs, years, language)?.value ?? null;
      const before = timeIn(sentence.slice(0, m.start), 0, years, language)?.value ?? null;
      time = inClause ?? before;
      if (!inClause && sentenceTimes.length > 1) unsure.push("time inherited across clauses from a sentence with several times");
    }
    if (time && /^\d{4}$/.test(time)) {
      const at = sentence.indexOf(time);
      if (FORECAST.test(sentence.slice(Math.max(0, Math.min(at, cs) - 6), m.start)) || FORECAST.test(sentence.slice(Math.max(0, at - 6), at + 8))) time = `${time} (forecast)`;
    }
    if (!time) unsure.push("no time");

    // Subject: the list's, the figure's own words', or the clause's.
    let subject: { name: string; kind: SubjectKind } | null = null;
    const fromList = listed.get(m);
    if (fromList) subject = { name: fromList, kind: "country" };
    else {
      // "17.1% of Spain's electricity": an English percent names its subject right after it.
      const ofWhom = language === "en" && m.kind === "percent" ? sentence.slice(m.end).match(/^\s+of\s+(?:the\s+)?([A-Z][\w.]*(?:\s[A-Z][\w.]*)*)['’]s\b/)?.[1] : undefined;
      const ownSubject = ofWhom ? { name: countriesIn(ofWhom, "en")[0]?.name ?? ofWhom, kind: countriesIn(ofWhom, "en").length ? ("country" as const) : ("company" as const) } : subjectIn(own, ownStart, language)?.value;
      const ownSector = matchSectors(lexicon, own).at(-1);
      const sector = ownSector ? lexicon.byId.get(ownSector.sectorId) : undefined;
      subject = ownSubject ?? (sector ? { name: language === "zh" ? sector.zh : sector.en, kind: "sector" } : null);
      if (!subject) {
        subject = subjectIn(clause, cs, language)?.value ?? null;
        if (subject) unsure.push("subject inherited from earlier in the clause");
      }
    }
    if (!subject) unsure.push("no subject");

    // Measure: the nearest measure word in the figure's own words; a list or a bare "X 为 N" takes
    // the previous figure's; otherwise the clause's.
    const kindMeasure: Measure | null = m.kind === "ratio" ? "ratio" : null;
    // "3.3% and 4.9% of GDP": a percent of something is a share, for every value of the list.
    const shareOf = m.kind === "percent" && language === "en" && /^(?:\s*(?:,|and|,\s*and)\s*[\d.]+%)*\s+of\b/.test(sentence.slice(m.end)) ? "share" : null;
    let measure: Measure | null = kindMeasure ?? shareOf ?? measureIn(own, language);
    if (!measure && prev && out[i - 1]?.measure && unitOf(prev) === unitOf(m) && own.length <= (language === "zh" ? 12 : 40)) measure = out[i - 1].measure;
    if (!measure) measure = measureIn(clause, language);
    if (!measure) unsure.push("no measure");

    out.push({ subject: subject?.name ?? null, subjectKind: subject?.kind ?? null, measure, time, unit: unitOf(m), unsure });
  });
  return out;
}

/** Two bound figures state comparable facts: same measure, unit and time, different subjects, all certain. */
export function comparable(a: Binding, b: Binding): string | null {
  if (a.unsure.length || b.unsure.length) return `unsure binding (${[...a.unsure, ...b.unsure][0]})`;
  if (a.unit !== b.unit) return `different units (${a.unit} / ${b.unit})`;
  if (a.measure !== b.measure) return `different measures (${a.measure} / ${b.measure})`;
  if (a.time !== b.time) return `different times (${a.time} / ${b.time})`;
  if (a.subject === b.subject) return `same subject (${a.subject})`;
  return null;
}
