import type { Draft } from "./generate";
import { leadingConnective } from "./item-rules";
import type { Language, ParsedDocument } from "./schema";
import { say } from "./templates";

// A figure's sentence that names its subject only by pointing back: "在排名前15的企业中" (the
// ranking is the sentence before's), "美国三类研究支出" (the three kinds are listed before).
const POINTS_BACK: Record<Language, RegExp> = {
  en: /\b(?:the|these|those) (?:two|three|four|five|six|seven|eight|nine|ten) (?:kinds|types|categories|groups)\b/i,
  // "预计2025年中国的专利规模为1500件": patents of which field is the sentence before's ("中国的微结构和
  // 纳米技术专利规模…"); a country's bare "专利规模" at the start leaves the field out.
  zh: /^在[^,，。；;]{1,20}(?:中|之中)[,，]|(?:[两三四五六七八九十]|这|上述)大?类(?![似型])|^(?:预计)?(?:(?:19|20)\d\d年)?(?:中国|美国|中美|日本|德国|韩国|欧洲|印度)(?:两国)?的?专利(?:规模|数量|申请量)?(?:为|达|将|约|分别)/,
};

// Of the connectives, those that point back to what the figure is about ("其中", "Of these", "This",
// "也" with its subject left out). A figure's blank after "For instance," or "However," is read as
// well without the sentence before, which would only add an unrelated sentence to the stem.
const POINTER: Record<Language, RegExp> = {
  en: /^(?:among them|of (?:these|them|which)|this|these|that|those|it|its|they|their|such|he|she|which)\b/i,
  zh: /^(?:其中|其[一二三四五六七八九十主]|这|那|该|此|上述|以上|对此|由此|据此|为此|他|她|它|他们|也|还|并|即)/,
};

/** Why a question's sentence cannot be read without the sentence before, or null. */
export function needsSentenceBefore(draft: Draft): string | null {
  // A figure's excerpt that starts after the sentence's start ("…在人工智能(AI)领域,…") does not
  // show the words that pointed back: what is shown decides.
  const shown = draft.stem.match(/[“"]([\s\S]*)[”"]/)?.[1] ?? "";
  const late = (draft.type === "figure-mc" || draft.type === "figure-typed") && shown.startsWith("…");
  const s = late ? shown.slice(1).trim() : draft.check.sentence.trim();
  const connective = leadingConnective(s, draft.language);
  const figure = draft.type === "figure-mc" || draft.type === "figure-typed";
  if (connective && !figure) return `starts with "${connective}"`;
  if (connective) {
    // "However, their share …": the pointer may follow a discourse connective.
    const rest = s.replace(/^[“"‘'（(]/, "").slice(connective.length).replace(/^[\s,，、:：]+/, "");
    const pointer = [connective, leadingConnective(rest, draft.language) ?? ""].find((c) => c && POINTER[draft.language].test(c));
    if (pointer) return `starts with "${pointer}"`;
  }
  if (!figure && draft.type !== "true-false") return null;
  const back = s.match(POINTS_BACK[draft.language]);
  return back ? `"${back[0]}" points back to the sentence before` : null;
}

/**
 * A statement or a figure's sentence that starts with a connective ("But", "其中") or names its
 * subject only by pointing back cannot be read alone; with the sentence before it shown as context
 * it can (docs/question-rules.md G1, T2). The previous sentence of the same section is put before
 * the stem, and the checks are told so.
 */
export function withContext(drafts: Draft[], doc: ParsedDocument): Draft[] {
  const previous = new Map<string, string>();
  for (const section of doc.sections) {
    const sentences = section.paragraphs.filter((p) => !p.boilerplate).flatMap((p) => p.sentences);
    sentences.forEach((s, i) => i > 0 && previous.set(s.id, sentences[i - 1].text));
  }
  return drafts.map((d) => {
    if (d.type !== "true-false" && d.type !== "figure-mc" && d.type !== "figure-typed") return d;
    if (!needsSentenceBefore(d)) return d;
    const context = previous.get(d.source.sentenceId);
    if (!context) return d;
    return { ...d, stem: say("inContext", d.language)(context, d.stem), check: { ...d.check, context } };
  });
}
