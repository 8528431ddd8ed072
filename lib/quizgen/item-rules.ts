import nlp from "compromise";
import type { Language } from "./schema";

/**
 * The item-writing rules for text of docs/question-rules.md (T1–T5) as pure functions on strings.
 * Each returns the reason a rule is broken, or null. item-checks.ts applies them to drafts.
 */

const LIST_MARKER = {
  en: /^\s*(?:\(?\d{1,2}[.)]\s|\(\d{1,2}\)|\([a-z]\)\s|[①-⑳]|[•·▪*-]\s)/i,
  zh: /^\s*(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十]+[,，、]|第[一二三四五六七八九十\d]+[,，、是]|[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．]|\d{1,2}[、.．)）]|[①-⑳])/,
};
const CAPTION = /^\s*(?:(?:Figure|Fig\.|Table|Chart|Exhibit|Graph)\s*\d+|(?:Source|Note|Photo)\s*:|[图表]\s*\d+|(?:资料)?来源\s*[:：]|注\s*[:：])/i;

/** T1: a list item ("一是…", "(1)", "1.") or a caption describes the document, not its subject. */
export function listOrCaption(sentence: string, language: Language): string | null {
  if (CAPTION.test(sentence)) return "a caption";
  const m = sentence.match(LIST_MARKER[language]) ?? sentence.match(LIST_MARKER[language === "en" ? "zh" : "en"]);
  return m ? `a list item ("${m[0].trim()}")` : null;
}

// Words that point back to the sentence before: the statement cannot be judged without it.
const CONNECTIVE = {
  en: /^(?:especially|particularly|but|however|and|or|also|besides|moreover|furthermore|in addition|additionally|therefore|thus|hence|so|meanwhile|instead|then|still|yet|nevertheless|nonetheless|likewise|similarly|on the other hand|as a result|in contrast|by contrast|for (?:instance|example)|first(?:ly)?|second(?:ly)?|third(?:ly)?|finally|at the same time|in this (?:regard|respect|way)|among them|of (?:these|them|which)|this|these|that|those|it|its|they|their|such|he|she|which|above all|even so|otherwise|specifically|in particular|in short|in general|overall|in other words|to sum up)\b/i,
  zh: /^(?:其中|此外|另外|另一方面|同时|与此同时|但是?|而且?|然而|不过|因此|所以|因而|从而|并且|并|尤其是?|特别是|其次|再次|最后|首先|其[一二三四五六七八九十主]|这|那|该|此|上述|以上|对此|由此|可见|综上|总之|也|还|即|故|据此|为此|他|她|它|他们|如(?![果何今])|例如|比如|综上所述)/,
};

/** The connective a statement starts with, if any ("But", "其中"). */
export function leadingConnective(statement: string, language: Language): string | null {
  const m = statement.trim().replace(/^[“"‘'（(]/, "").match(CONNECTIVE[language]);
  return m ? m[0] : null;
}

/** T2: a true/false statement is a whole sentence that can be judged on its own. */
export function standsAlone(statement: string, language: Language, contextShown = false): string | null {
  const s = statement.trim();
  const connective = contextShown ? null : leadingConnective(s, language);
  if (connective) return `starts with "${connective}", which needs the sentence before`;
  if (/[:：,，;；、]\s*(?:\[\d+\])*$/.test(s)) return `ends with "${s.replace(/(?:\[\d+\])+$/, "").slice(-1)}", not as a sentence`;
  if (language === "en") {
    if (/^[a-z]/.test(s)) return "starts in lower case";
    if (!hasVerb(s)) return "no verb: not a full clause";
  } else if (startsWithVerb(s)) {
    return "a recommendation with no subject (starts with a verb), not a statement of fact";
  }
  return null;
}

// Tagging is the slow part of the checks, and one build asks about the same sentence many times:
// each figure's drafts, the kept and the swapped statement differ only in a number. A build keeps
// the answers while it runs (keyed with every digit as 0: measured on the seeds and generated
// documents, no two statements that differ only in digits are tagged differently), then drops them.
let verbMemo: Map<string, boolean> | null = null;

/** Runs one build with its own memo of tagged sentences; outside it every question is tagged afresh. */
export function withSentenceMemo<T>(run: () => T): T {
  const outer = verbMemo;
  verbMemo = outer ?? new Map();
  try {
    return run();
  } finally {
    verbMemo = outer;
  }
}

function hasVerb(sentence: string): boolean {
  // A finite auxiliary, copula or past-tense verb of reported figures (never an adjective or noun
  // there) settles it without tagging.
  if (/\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|does|do|did|shows?|shown|became|becomes?|reached|rose|grew|exceeded|accounted|remained)\b/i.test(sentence)) return true;
  const key = sentence.replace(/\d/g, "0");
  let found = verbMemo?.get(key);
  if (found === undefined) {
    found = nlp(sentence).verbs().length > 0;
    verbMemo?.set(key, found);
  }
  return found;
}

// The verbs a recommendation opens with ("提高…比重,增加…", "加快…"): there is nothing true or false
// to judge. A list, not a tagger: loading jieba's dictionary for one look at the first word costs
// more than the whole check, and these papers' recommendations use a small, stable set of verbs.
const ZH_LEADING_VERB = /^(?:提高|提升|加快|加强|加大|推动|推进|深化|完善|建立|健全|鼓励|支持|促进|扩大|优化|引导|强化|培育|实施|坚持|构建|打造|降低|增加|减少|落实|重视|注重|积极|大力|着力|努力|必须|应当|应该|要)/;
function startsWithVerb(statement: string): boolean {
  return ZH_LEADING_VERB.test(statement);
}

const EN_DETERMINER_BEFORE = /\b(a|an)\s+$/i;
const ZH_MEASURE_BEFORE = /[\d一二三四五六七八九十几两多每某][个台家种项款部件座条只位名艘架辆]$/;
// Characters that end a word before a term in Chinese ("的半导体", "在汽车", "中美半导体"); any other
// character right before the term is taken as the first half of a longer word ("新能源汽车").
const ZH_WORD_END = /(?:[的在对于与和及或是为了、，,。；;：:“”"（）()从将把被向以其该各每等中由至到让使给及]|[年月日里上下内外间]|中美|中国|美国|全球|国内|国际|全国|我国|高端|主要|相关|发展|整个|各国)$/;
const EN_INSTITUTION_BEFORE = /\b(?:Ministry|Department|Bureau|Institute|Academy|Association|Commission|Council|Administration|Agency|Federation|University|Society|Committee|Office|Centre|Center|Chamber|Alliance)\s+(?:(?:of|for|and|the|[A-Z][\w'’-]*)\s+)*$/;
const EN_INSTITUTION_AFTER = /^\s+(?:(?:and\s+)?[A-Z][\w'’-]*\s+)*(?:Ministry|Institute|Academy|Association|Group|Corporation|Company|Co\.|Inc\.?|Ltd\.?|University|Alliance|Federation|Society|Administration|Bureau|Commission)\b/;
const ZH_INSTITUTION_AFTER = /^(?:[\u4e00-\u9fff]{0,3})?(?:部|局|委员会|研究院|研究所|研究中心|协会|学会|集团|公司|大学|联盟|管理局)(?![\u4e00-\u9fff]*(?:领域|行业|产业))/;
const ZH_INSTITUTION_BEFORE = /(?:工业和|国家|科学技术|科技)$/;
const EN_OPEN_LIST_BEFORE = /\b(?:such as|like|including|namely|e\.g\.|and|or)\s*$/i;
const EN_OPEN_LIST_AFTER = /^\s*(?:,|\band\b|\bor\b|\/)/i;
const ZH_OPEN_LIST_BEFORE = /[、和与及或如]$|(?:例如|包括|比如)$/;
const ZH_OPEN_LIST_AFTER = /^[、和与及或等\/]/;

/**
 * What gives away or breaks a term replaced at this span (by a blank or another sector's name): a
 * cut word, "a/an" or a measure word before it, an institution's name around it, an open list.
 */
export function spanCue(sentence: string, { start, end }: BlankSpan, language: Language): string | null {
  const before = sentence.slice(0, start);
  const after = sentence.slice(end);
  const word = sentence.slice(start, end);
  if (language === "en") {
    if (/[\p{L}\p{N}-]$/u.test(before) || /^[\p{L}\p{N}-]/u.test(after)) return `half a word is replaced ("${word}")`;
    if (EN_DETERMINER_BEFORE.test(before)) return `"${before.match(EN_DETERMINER_BEFORE)![1]}" before the term is a cue`;
    if (EN_INSTITUTION_BEFORE.test(before) || EN_INSTITUTION_AFTER.test(after)) return "the term is inside an institution's name";
    if (EN_OPEN_LIST_BEFORE.test(before) || EN_OPEN_LIST_AFTER.test(after)) return "the term is one item of an open list: any sibling fits";
    return null;
  }
  if (ZH_MEASURE_BEFORE.test(before)) return `the measure word "${before.slice(-1)}" before the term is a cue`;
  if (ZH_INSTITUTION_AFTER.test(after) || ZH_INSTITUTION_BEFORE.test(before)) return "the term is inside an institution's name";
  if (/[\u4e00-\u9fff]$/.test(before) && !ZH_WORD_END.test(before)) return `half a term is replaced ("${before.slice(-2)}${word}")`;
  if (ZH_OPEN_LIST_BEFORE.test(before) || ZH_OPEN_LIST_AFTER.test(after)) return "the term is one item of an open list: any sibling fits";
  return null;
}

export interface BlankSpan {
  start: number;
  end: number;
}

/**
 * T3: what is wrong with blanking these spans of a sentence for a sector key, if anything. The spans
 * are the sector's mentions; keyNames the key's names (English and Chinese).
 */
export function sectorBlankFlaw(sentence: string, spans: BlankSpan[], keyNames: string[], language: Language): string | null {
  if (spans.length === 0) return "the sentence does not name the sector";
  if (/[:：]\s*$/.test(sentence)) return 'the sentence ends with ":" (it introduces a list)';
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  for (let i = 0; i < sorted.length; i++) {
    const { start, end } = sorted[i];
    const word = sentence.slice(start, end);
    const next = sorted[i + 1];
    if (next && /^\s*$/.test(sentence.slice(end, next.start))) return `two blanks side by side ("${sentence.slice(start, next.end)}")`;
    if (!keyNames.some((k) => sameTerm(word, k))) return `the blanked word "${word}" is not the key's name`;
    const cue = spanCue(sentence, sorted[i], language) ?? figurativeUse(sentence, sorted[i], language);
    if (cue) return cue;
  }
  return generalStatement(sentence, sorted, language);
}

// A term used as an image, not as the industry: "the foot of the chip", "the rice of industry",
// "described as “the heart of the robot”", "被誉为“工业之母”", "工业的粮食". The blank then asks for a
// word of a metaphor, which no sibling or key makes true or false.
const EN_IMAGE_NOUN = "(?:foot|feet|heart|hearts|bone|bones|backbone|brain|brains|soul|spine|nerves?|eyes?|blood|lifeblood|food|grain|rice|bread|salt|vitamins?|mother|father|king|queen|crown|jewel|pearl|cradle|root|roots|cornerstone|engine|lungs?|skeleton|muscles?|pillar|joints?|cell|cells)";
const EN_IMAGE_OF_BLANK = new RegExp(`\\b(?:the|a|an)\\s+(?:\\w+\\s+)?${EN_IMAGE_NOUN}\\s+of\\s+(?:the\\s+|a\\s+|an\\s+|this\\s+|every\\s+|each\\s+)?$`, "i");
const EN_BLANK_OF_WHOLE = /^\s+of\s+(?:the\s+)?(?:modern\s+|national\s+|an?\s+)?(?:industry|industries|manufacturing|the economy|economy|economies|nations?|the nation|countries|the country|civilization|the (?:information|digital) age|the future|science|technology)\b/i;
const EN_NAMING_QUOTE = /\b(?:describ|known|call|dub|hail|regard|refer|seen|prais|nicknam|term|label|nam)\w*\b[^“"”.;]{0,40}[“"]$/i;
const ZH_NAMING_QUOTE = /(?:被?誉为|被?称为|被?称作|号称|堪称|素有|比喻为|喻为|称之为|被视为)\s*[“"「]/;
const ZH_IMAGE_AFTER = /^(?:之|的)(?:母|王|魂|心|脚|足|骨|骨骼|骨架|脊梁|心脏|大脑|眼睛|血液|粮食|基石|明珠|摇篮|灵魂|命脉|神经|根基)/;
const ZH_WHOLE_BEFORE = /(?:工业|经济|制造业|国民经济)之$/;
const ZH_WHOLE_OF = /(?:工业|国民经济|制造业)的$/;
const ZH_ENDS_PHRASE = /^(?:$|[”"」，,。、；;！!？?])/;

/** The term is used figuratively (a metaphor or a quoted epithet), not as a sector. */
export function figurativeUse(sentence: string, { start, end }: BlankSpan, language: Language): string | null {
  const before = sentence.slice(0, start);
  const after = sentence.slice(end);
  const word = sentence.slice(start, end);
  // Inside quotation marks opened after a naming verb ("described as “…, the foot of the chip”").
  const open = Math.max(before.lastIndexOf("“"), before.lastIndexOf('"'), before.lastIndexOf("「"));
  const closedBefore = Math.max(before.lastIndexOf("”"), before.lastIndexOf("」"));
  const quoted = open >= 0 && open > closedBefore && (before[open] !== '"' || (before.slice(0, open).match(/"/g)?.length ?? 0) % 2 === 0);
  if (quoted && (language === "en" ? EN_NAMING_QUOTE : ZH_NAMING_QUOTE).test(before.slice(Math.max(0, open - 60), open + 1))) return `"${word}" is part of a quoted figure of speech, not the industry`;
  if (language === "en") {
    if (EN_IMAGE_OF_BLANK.test(before)) return `"${word}" is used figuratively ("${before.match(EN_IMAGE_OF_BLANK)![0].trim()} ${word}")`;
    if (/\bthe\s+$/i.test(before) && EN_BLANK_OF_WHOLE.test(after)) return `"${word}" is used figuratively ("the ${word}${after.match(EN_BLANK_OF_WHOLE)![0]}")`;
    return null;
  }
  if (ZH_IMAGE_AFTER.test(after)) return `"${word}" is used figuratively ("${word}${after.match(ZH_IMAGE_AFTER)![0]}")`;
  const whole = before.match(ZH_WHOLE_BEFORE) ?? (ZH_ENDS_PHRASE.test(after) ? before.match(ZH_WHOLE_OF) : null);
  if (whole) return `"${word}" is used figuratively ("${whole[0]}${word}")`;
  return null;
}

/**
 * Distractors fit as well when, without the sector's words, the sentence states nothing specific to
 * the lesson: then any sibling makes it just as true (or a swap just as plausible).
 */
export function generalStatement(sentence: string, spans: BlankSpan[], language: Language): string | null {
  let rest = sentence;
  for (const s of [...spans].sort((a, b) => b.start - a.start)) rest = rest.slice(0, s.start) + " " + rest.slice(s.end);
  return hasSpecificFact(rest, language) ? null : "a general statement: every sibling sector fits as well";
}

/** The blanked word is the key when one names the other ("chips" in "Semiconductors and chips", "die steel" → "Steel"). */
export function sameTerm(word: string, keyName: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/(?<=\w)(?:es|s)\b/g, "").trim();
  const w = norm(word);
  const k = norm(keyName);
  if (!w || !k) return false;
  if (/[\u4e00-\u9fff]/.test(w)) return k.includes(w);
  const within = (small: string, big: string) => new RegExp(`(?:^|\\W)${small.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?:$|\\W)`).test(big);
  return within(w, k) || within(k, w);
}

/**
 * A specific fact of the lesson, so that only the key makes the sentence what the lesson says: a
 * figure or a named company, person or other country. China and the United States do not count:
 * the lessons are about them, so nearly every sentence names one, specific or not.
 */
const HOME = /^(?:China|Chinese|China's|U\.S\.|US|USA|United|States|America|American|Sino-US)$/;
function hasSpecificFact(withMarkers: string, language: Language): boolean {
  // Reference markers and years are no facts: "截至2018年, 美国的X强于中国" holds for most X.
  const text = withMarkers.replace(/\[\d+\]/g, "").replace(/(?<!\d)(?:19|20)\d\d(?:\s*[-–~～至到]\s*(?:19|20)?\d\d)?(?:年|s\b)?(?!\d)/g, " ");
  if (/\d|[一二三四五六七八九十百千万亿]+(?:成|倍|%|年)/.test(text)) return true;
  if (language === "en") {
    const names = text.trim().replace(/^\W*[\w'’-]+/, "").match(/(?<=\s|“|")[A-Z][\w'’.-]*/g) ?? [];
    return names.some((n) => !HOME.test(n.replace(/[.,;:]+$/, "")));
  }
  return /[A-Za-z]{2,}|日本|德国|韩国|欧洲|欧盟|英国|法国|芬兰|荷兰|台湾|华为|[\u4e00-\u9fff]{2,}(?:公司|集团)/.test(text);
}

/** T5: a matching statement is short, with at most one blank and no cut term. */
export function matchingStatementFlaw(statement: string, language: Language): string | null {
  const blanks = statement.split("____").length - 1;
  if (blanks > 1) return `${blanks} blanks`;
  if (/____\s*____/.test(statement)) return "two blanks side by side";
  if (statement.length > (language === "zh" ? 80 : 200)) return `${statement.length} characters: not shortened to its clause`;
  if (/[:：]\s*$/.test(statement)) return 'ends with ":"';
  const at = statement.indexOf("____");
  if (at >= 0) {
    const cue = spanCue(statement, { start: at, end: at + 4 }, language);
    if (cue && !cue.includes("open list")) return cue;
  }
  if (language === "en" && !hasVerb(statement)) return "no verb: not a full clause";
  return listOrCaption(statement, language);
}
