import sbd from "sbd";
import type { Language } from "./schema";

/**
 * Splits a paragraph into sentences. English uses sbd (it keeps "U.S.", "Mr." and "e.g." inside a
 * sentence); Chinese splits after 。！？ keeping closing quotes and brackets, and attaches citation
 * markers such as "[1]" that follow the full stop to the sentence before them.
 */
export function splitSentences(paragraph: string, language: Language): string[] {
  if (language === "en") {
    return sbd.sentences(paragraph, { newline_boundaries: false, preserve_whitespace: false }).map((s) => s.trim()).filter(Boolean);
  }
  const parts = paragraph.match(/[^。！？!?]+(?:[。！？!?]+[”’"」』)）]*)?|[。！？!?]+/g) ?? [paragraph];
  const out: string[] = [];
  for (const raw of parts) {
    let part = raw.trim();
    const marker = part.match(/^((?:\[\d+\])+)/);
    if (marker && out.length) {
      out[out.length - 1] += marker[1];
      part = part.slice(marker[1].length).trim();
    }
    if (part) out.push(part);
  }
  return out;
}
