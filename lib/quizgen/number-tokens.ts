/** The numbers written in a text, whole (so "2" is not found inside "2021" or "12.5"). */
export function numberTokens(text: string): string[] {
  return text.match(/\d+(?:[.,]\d+)*/g) ?? [];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Whether `text` (a figure as written, "7千件", "28%") appears in `stem` as itself, not as the tail
 * or head of a longer number: "7千件" is not written in "27千件", "2" is not written in "2021".
 */
export function writesFigure(stem: string, text: string): boolean {
  return figureWriter(text)(stem);
}

/** writesFigure for one figure and many stems: the pattern is compiled once. */
export function figureWriter(text: string): (stem: string) => boolean {
  if (!text) return () => false;
  const before = /^[\d.,]/.test(text) ? "(?<![\\d.,])" : "";
  const after = /[\d.,]$/.test(text) ? "(?![\\d]|[.,]\\d)" : "";
  const pattern = new RegExp(`${before}${escape(text)}${after}`);
  // A plain substring test first: most stems do not contain the text at all.
  return (stem) => stem.includes(text) && pattern.test(stem);
}
