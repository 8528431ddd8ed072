import type { Language } from "./schema";

// Words that tell which of two values is larger, or by how much: a stem holding one gives an
// ordering or comparison away ("仅占全球总量的____,远低于美国的____").
const CUES: Record<Language, RegExp> = {
  zh: /高于|低于|超过|超越|赶超|反超|远超|超出|占优|优势|劣势|主导|之上|之下|以上|以下|领先|落后|不及|不如|望其项背|多于|少于|大于|小于|略高|略低|倍|首位|居首|第一|最高|最低|最大|最小|相比|比.{0,8}(多|少|高|低|大|小)|差距(扩大|缩小)?.{0,4}(领先|落后)/,
  en: /\b(more than|less than|fewer than|higher|lower|greater|larger|smaller|bigger|above|below|exceed\w*|surpass\w*|overt(ake|ook|aken)\w*|ahead|behind|lead\w*|lag\w*|trail\w*|outpac\w*|compared (with|to)|versus|vs\.?|twice|double\w*|half|times|-fold|top|largest|highest|lowest|smallest|most|least|rank\w*)\b/i,
};

/**
 * The word of `text` that reveals an order, once the figures themselves are taken out (a hedge
 * such as "more than 30%" bounds one value and says nothing about the other). Pass ratios ("4倍",
 * "twice") as text, not as figures: they say by how much one value exceeds the other.
 */
export function orderCue(text: string, figureTexts: string[], language: Language): string | null {
  let rest = text;
  for (const t of [...figureTexts].sort((a, b) => b.length - a.length)) rest = rest.split(t).join(" ");
  return rest.match(CUES[language])?.[0] ?? null;
}
