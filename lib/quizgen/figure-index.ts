import type { ExtractedFigure } from "./figures";

// Look-ups into a document's figures, built once per figure list (the generator passes the same
// array for every sentence), so generation stays linear in the document's length.
const bySentence = new WeakMap<ExtractedFigure[], Map<string, string[]>>();

/** The ids of the figures of one sentence, in document order (a new array each call). */
export function figureIdsIn(figures: ExtractedFigure[], sentenceId: string): string[] {
  let index = bySentence.get(figures);
  if (!index) {
    index = new Map();
    for (const f of figures) {
      const ids = index.get(f.sentenceId);
      if (ids) ids.push(f.id);
      else index.set(f.sentenceId, [f.id]);
    }
    bySentence.set(figures, index);
  }
  return [...(index.get(sentenceId) ?? [])];
}

const byParagraph = new WeakMap<ExtractedFigure[], Map<string, ExtractedFigure[]>>();

/** The figures of one paragraph, in document order (the index's own array: do not change it). */
export function figuresInParagraph(figures: ExtractedFigure[], paragraphId: string): readonly ExtractedFigure[] {
  let index = byParagraph.get(figures);
  if (!index) {
    index = new Map();
    for (const f of figures) {
      const list = index.get(f.paragraphId);
      if (list) list.push(f);
      else index.set(f.paragraphId, [f]);
    }
    byParagraph.set(figures, index);
  }
  return index.get(paragraphId) ?? [];
}
