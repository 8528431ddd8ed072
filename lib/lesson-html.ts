import type { LessonBody } from "@/lib/schemas/lesson";

// The lesson text as one HTML string: the part of a lesson page that is the same for every reader
// of a content version, so it is rendered once per version and cached (docs/decisions/0027). The
// markup is what the page rendered with React before: sections, paragraphs, one linkable span per
// sentence (its id is the sentence id) and the figures in <mark>.

type Figure = LessonBody["figures"][number];

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** A sentence split into plain text and figures (the first of overlapping figures wins). */
export function sentenceParts(text: string, figures: Figure[]): (string | Figure)[] {
  const parts: (string | Figure)[] = [];
  let cursor = 0;
  const spans = figures
    .map((f) => ({ f, at: text.indexOf(f.text) }))
    .filter((s) => s.at >= 0 && s.f.text.length > 0)
    .sort((a, b) => a.at - b.at);
  for (const { f, at } of spans) {
    if (at < cursor) continue; // overlapping figure: keep the first
    if (at > cursor) parts.push(text.slice(cursor, at));
    parts.push(f);
    cursor = at + f.text.length;
  }
  parts.push(text.slice(cursor));
  return parts;
}

/** The sections of a lesson body as HTML (escaped; ids and labels as attributes). */
export function lessonBodyHtml(body: LessonBody, language: string): string {
  const figuresBySentence = new Map<string, Figure[]>();
  for (const f of body.figures) figuresBySentence.set(f.sentenceId, [...(figuresBySentence.get(f.sentenceId) ?? []), f]);
  const gap = language === "zh" ? "" : " "; // Chinese sentences run on without spaces
  const out: string[] = [];
  for (const section of body.sections) {
    const label = section.heading ? ` aria-label="${escapeHtml(section.heading)}"` : "";
    out.push(`<section id="${escapeHtml(section.id)}"${label} class="space-y-4">`);
    if (section.heading) out.push(`<h2 class="text-xl font-semibold">${escapeHtml(section.heading)}</h2>`);
    for (const paragraph of section.paragraphs) {
      out.push(`<p id="${escapeHtml(paragraph.id)}" class="max-w-prose text-lg leading-8 text-slate-800">`);
      for (const sentence of paragraph.sentences) {
        out.push(`<span id="${escapeHtml(sentence.id)}" class="lesson-sentence scroll-mt-20 rounded">`);
        for (const part of sentenceParts(sentence.text, figuresBySentence.get(sentence.id) ?? [])) {
          out.push(typeof part === "string" ? escapeHtml(part) : `<mark data-figure="${escapeHtml(part.kind)}" class="rounded bg-amber-100 px-0.5 text-inherit">${escapeHtml(part.text)}</mark>`);
        }
        out.push(`${gap}</span>`);
      }
      out.push("</p>");
    }
    out.push("</section>");
  }
  return out.join("");
}
