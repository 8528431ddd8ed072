import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { languageSchema, type Language, type ParsedDocument } from "./schema";
import { splitSentences } from "./sentences";
import { cjkShare, normalizeSpace, shortHash } from "./text";

/** A document that cannot be built; the message names the problem (the caller adds the file). */
export class DocumentError extends Error {}

const frontMatterSchema = z
  .object({
    title: z.string().trim().min(1).optional(),
    language: z.string().optional(),
    source: z.string().optional(),
    slug: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: "slug must be lower-case letters, digits and dashes" }).optional(),
  })
  .passthrough();

export function slugFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "");
  const slug = base.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return slug || `doc-${shortHash(base, 8)}`;
}

function splitFrontMatter(text: string): { meta: Record<string, unknown>; body: string } {
  if (!/^---\r?\n/.test(text)) return { meta: {}, body: text };
  const end = text.search(/\r?\n---\s*(\r?\n|$)/);
  if (end < 0) throw new DocumentError("front matter starts with --- but has no closing --- line");
  const raw = text.slice(text.indexOf("\n") + 1, end + 1);
  let meta: unknown;
  try {
    meta = parseYaml(raw) ?? {};
  } catch (error) {
    throw new DocumentError(`broken front matter: ${(error as Error).message.split("\n")[0]}`);
  }
  if (typeof meta !== "object" || Array.isArray(meta)) throw new DocumentError("broken front matter: expected key: value lines");
  return { meta: meta as Record<string, unknown>, body: text.slice(end).replace(/^\r?\n---[^\n]*\n?/, "") };
}

// Paragraphs that are not lesson content: image captions, link lists, share buttons, URLs, the
// catalogue lines of a paper, its author note, funding note and references.
const BOILERPLATE_LINE = [
  /\bpicture$/i,
  /^related (links|articles|reading)\b/i,
  /^(wechat|weibo|share|scan the qr code)\b/i,
  /^https?:\/\/\S+$/,
  /^【(关键词|中图分类号|文献标识码|DOI|作者简介)】/,
  /^\[\d+\]/,
  /^(keywords|key words|关键词)\s*[:：]/i,
];
const AUTHOR_NOTE = /(教授|博导|研究员|研究方向|主要著作|professor|research interests)/gi;
const REFERENCES_HEADING = /^(注释|参考文献|references|notes)$/i;

function isHeading(line: string, language: Language): boolean {
  if (/^\d{1,2}[.、]\s*\S/.test(line) && line.length <= 120 && !/[.。!?！？]$/.test(line)) return true;
  if (language === "zh") return line.length <= 30 && !/[。！？,，;；:：]/.test(line) && cjkShare(line) > 0.5;
  return false;
}

/**
 * Parses one source file into a lesson: front matter (all optional), title, language, slug, and
 * sections → paragraphs → sentences with ids derived from their text (so an edit elsewhere in the
 * document keeps them). Throws DocumentError for empty, binary or malformed input.
 */
export function parseDocument(fileName: string, text: string): ParsedDocument {
  if (text.includes("\u0000") || (text.match(/\ufffd/g) ?? []).length > 10) throw new DocumentError("looks like a binary file, not text");
  const { meta: rawMeta, body: rawBody } = splitFrontMatter(text.replace(/^\ufeff/, ""));
  const parsedMeta = frontMatterSchema.safeParse(rawMeta);
  if (!parsedMeta.success) throw new DocumentError(`broken front matter: ${parsedMeta.error.issues[0].path.join(".")} ${parsedMeta.error.issues[0].message}`);
  const meta = parsedMeta.data;
  const lines = rawBody.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  if (lines.length === 0) throw new DocumentError("the document has no text");

  let language: Language;
  if (meta.language !== undefined) {
    const lang = languageSchema.safeParse(String(meta.language).toLowerCase());
    if (!lang.success) throw new DocumentError(`unknown language "${meta.language}" (use en or zh)`);
    language = lang.data;
  } else {
    language = cjkShare(lines.join(" ")) > 0.3 ? "zh" : "en";
  }

  let title = meta.title;
  if (!title) title = lines.shift()!;
  else if (normalizeSpace(lines[0]).startsWith(normalizeSpace(title))) lines.shift(); // the title line is not body text
  const slug = meta.slug ?? slugFromFileName(fileName);

  const sections: ParsedDocument["sections"] = [];
  let current: ParsedDocument["sections"][number] = { id: `${slug}:intro`, heading: null, paragraphs: [] };
  let inReferences = false;
  let inLinkList = false;
  const seenSentences = new Map<string, number>();
  const sentenceId = (s: string) => {
    const base = `${slug}:s-${shortHash(normalizeSpace(s))}`;
    const n = (seenSentences.get(base) ?? 0) + 1;
    seenSentences.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  };

  for (const line of lines) {
    if (REFERENCES_HEADING.test(line)) inReferences = true;
    if (/^related (links|articles|reading)\b/i.test(line)) inLinkList = true;
    // A link list goes on while its lines are short titles or URLs.
    else if (inLinkList && !(line.length < 100 && !/[.。!?！？]$/.test(line))) inLinkList = false;
    const boilerplateLine = BOILERPLATE_LINE.some((re) => re.test(line));
    if (!inReferences && !inLinkList && !boilerplateLine && isHeading(line, language)) {
      if (current.paragraphs.length || current.heading) sections.push(current);
      current = { id: `${slug}:h-${shortHash(line, 8)}`, heading: line, paragraphs: [] };
      continue;
    }
    const boilerplate =
      inReferences ||
      inLinkList ||
      boilerplateLine ||
      (line.match(AUTHOR_NOTE) ?? []).length >= 2 ||
      /^[(（]本文[系是]/.test(line) ||
      // A translated abstract or title block in the other script (e.g. the English abstract of a Chinese paper).
      (language === "zh" && cjkShare(line) < 0.1) ||
      (language === "en" && cjkShare(line) > 0.5);
    const sentences = splitSentences(line, language).map((s) => ({ id: sentenceId(s), text: s }));
    current.paragraphs.push({ id: `${slug}:p-${shortHash(line, 8)}`, boilerplate, sentences });
  }
  if (current.paragraphs.length || current.heading) sections.push(current);
  if (!sections.some((s) => s.paragraphs.some((p) => !p.boilerplate))) throw new DocumentError("the document has no lesson text (only headings or boilerplate)");
  return { slug, title, language, source: meta.source ?? null, sections };
}
