import { hash } from "node:crypto";

/** A short, stable id from text: the same text gives the same id after any regeneration. */
export function shortHash(text: string, length = 10): string {
  // The one-shot hash: the same SHA-256 as createHash().update().digest(), without its objects.
  return hash("sha256", text, "hex").slice(0, length);
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g;

/** Share of letters that are Chinese characters (0..1). */
export function cjkShare(text: string): number {
  const cjk = (text.match(CJK) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  return cjk + latin === 0 ? 0 : cjk / (cjk + latin);
}

/** Full-width digits, letters and punctuation to their ASCII forms (８０％ → 80%). */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}

export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

// A citation marker: "[7]", "［7］", "[7-9]", "[3,4]", "[1–3, 5]" (the numbers of a reference list).
const REFERENCE_MARKER = /[ \t\u00a0]*(?:\[\s*\d{1,3}(?:\s*[-–—~～,，、]\s*\d{1,3})*\s*\]|［\s*[\d０-９]{1,3}(?:\s*[-–—~～,，、]\s*[\d０-９]{1,3})*\s*］)/g;

/**
 * Question text without citation markers ("…的水平。[1]" → "…的水平。"): they point into a
 * reference list the student does not see, and a "[9]" reads as a figure. The source quote a
 * question cites keeps them (decisions/0110).
 */
export function withoutReferenceMarkers(text: string): string {
  // Every marker holds a bracket: a text without one (most drafts' texts) is returned as it is.
  if (!text.includes("[") && !text.includes("［")) return text;
  return text.replace(REFERENCE_MARKER, "");
}
