/**
 * The lesson's source as a reader would name it, for the byline. The front matter's `source` is
 * written for editors too: it carries the corpus id of the document ("(seed 001_8cc6…)") and may end
 * with an editor's note after the citation ("Eight numbered sectors."). The byline keeps the
 * citation (publisher, author, title, date) and drops both; null when nothing is left to show.
 */
export function readerSource(source: string | null | undefined): string | null {
  if (!source) return null;
  const withoutIds = source.replace(/\s*\((?:corpus |document )?seed [^()]*\)/gi, "");
  // The citation is the first sentence: a full stop after a word of two or more lower-case letters
  // or digits (not an initial such as "J." or "U.S."), followed by a capital, starts a note.
  const citation = withoutIds.split(/(?<=[\p{Ll}\d]{2})\.\s+(?=\p{Lu})/u)[0];
  const tidy = citation.replace(/\s+([,.;:])/g, "$1").replace(/[\s,.;:]+$/, "").trim();
  return tidy || null;
}
