import { createHash } from "node:crypto";

/** A short, stable id from text: the same text gives the same id after any regeneration. */
export function shortHash(text: string, length = 10): string {
  return createHash("sha256").update(text).digest("hex").slice(0, length);
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
