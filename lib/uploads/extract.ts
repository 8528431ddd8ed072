// Reads an uploaded or pasted document into the plain text the content pipeline builds
// (docs/content-format.md): one paragraph per line. Every refusal is an UploadRefusal with a
// message for the field it concerns; nothing is stored before the text is read (decisions/0033).
import { cjkShare } from "@/lib/quizgen/text";
import { MAX_DOCUMENT_BYTES } from "@/lib/quizgen/build";
import { megabytes, UploadRefusal } from "@/lib/uploads/errors";

export { UploadRefusal };

export const UPLOAD_KINDS = ["txt", "md", "docx", "pdf"] as const;
export type UploadKind = (typeof UPLOAD_KINDS)[number] | "paste";

/** The largest file accepted (bytes): a PDF or Word file carries much more than its text. */
export const MAX_UPLOAD_FILE_BYTES = 10 * 1024 * 1024;


/** The kind a file name says, or a refusal naming what is accepted. */
export function kindOfFileName(fileName: string): Exclude<UploadKind, "paste"> {
  const ext = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  const kind = UPLOAD_KINDS.find((k) => k === ext);
  if (!kind) throw new UploadRefusal("wrongExtension", { name: fileName });
  return kind;
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** UTF-8 text without NUL bytes (a UTF-8 byte-order mark is dropped), or a refusal. */
function utf8(bytes: Uint8Array, field: "file" | "text" = "file"): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new UploadRefusal("notUtf8", {}, field);
  }
  if (text.includes("\u0000")) throw new UploadRefusal("notUtf8", {}, field);
  return text.replace(/^\ufeff/, "");
}

const SENTENCE_END = /[.!?。！？:：;；…"”」』)）]$/;
const NUMBERED_HEADING = /^\d{1,2}[.、]\s*\S/;

/**
 * PDF text comes as the lines of the printed page: a paragraph wrapped over several lines. Lines
 * are joined until one ends a sentence (or is a short numbered heading); a blank line always ends
 * a paragraph. Chinese lines join without a space.
 */
export function reflowLines(text: string): string {
  const out: string[] = [];
  let current = "";
  const flush = () => {
    if (current) out.push(current);
    current = "";
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+/g, " ").trim();
    if (!line) {
      flush();
      continue;
    }
    if (NUMBERED_HEADING.test(line) && line.length <= 80 && !SENTENCE_END.test(line)) {
      flush();
      out.push(line);
      continue;
    }
    if (!current) current = line;
    else if (/[\u3400-\u9fff，、]$/.test(current) || /^[\u3400-\u9fff]/.test(line)) current += line;
    else current = `${current.replace(/-$/, "")}${current.endsWith("-") ? "" : " "}${line}`;
    if (SENTENCE_END.test(line)) flush();
  }
  flush();
  return out.join("\n");
}

function checkPdf(bytes: Uint8Array) {
  if (!startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) throw new UploadRefusal("notWhatItSays", { kind: "pdf" });
  // An encryption dictionary in the trailer: refuse before the reader guesses at passwords.
  if (Buffer.from(bytes).includes("/Encrypt")) throw new UploadRefusal("encryptedPdf");
}

function checkDocx(bytes: Uint8Array) {
  // A .docx is a zip archive ("PK\3\4"); an old binary .doc or a renamed file is not.
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) throw new UploadRefusal("notWhatItSays", { kind: "docx" });
}

/**
 * The checks that need no reading of the document (size, and the first bytes against the
 * extension; an encrypted PDF): the upload request runs them before queueing the build.
 */
export function sniffUpload(input: { kind: UploadKind; bytes: Uint8Array }): void {
  const field = input.kind === "paste" ? "text" : "file";
  if (input.bytes.byteLength > MAX_UPLOAD_FILE_BYTES) throw new UploadRefusal("fileTooLarge", { size: megabytes(input.bytes.byteLength), limit: megabytes(MAX_UPLOAD_FILE_BYTES) }, field);
  if (input.kind === "pdf") checkPdf(input.bytes);
  else if (input.kind === "docx") checkDocx(input.bytes);
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  checkPdf(bytes);
  const { getDocumentProxy, extractText } = await import("unpdf");
  let pages: string[];
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    pages = (await extractText(pdf, { mergePages: false })).text;
  } catch (error) {
    if ((error as Error).name === "PasswordException") throw new UploadRefusal("encryptedPdf");
    throw new UploadRefusal("brokenFile", { kind: "pdf" });
  }
  return pages.map(reflowLines).join("\n");
}

async function docxText(bytes: Uint8Array): Promise<string> {
  checkDocx(bytes);
  const mammoth = (await import("mammoth")).default;
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return value;
  } catch {
    throw new UploadRefusal("brokenFile", { kind: "docx" });
  }
}

/**
 * The document's text, one paragraph per line. Refuses: an unknown extension, contents that are not
 * what the extension says, a file over MAX_UPLOAD_FILE_BYTES or text over MAX_DOCUMENT_BYTES, text
 * that is not UTF-8, an encrypted PDF, and a file with no text (a scanned PDF).
 */
export async function extractUpload(input: { kind: UploadKind; bytes: Uint8Array; fileName: string }): Promise<string> {
  const field = input.kind === "paste" ? "text" : "file";
  if (input.bytes.byteLength > MAX_UPLOAD_FILE_BYTES) throw new UploadRefusal("fileTooLarge", { size: megabytes(input.bytes.byteLength), limit: megabytes(MAX_UPLOAD_FILE_BYTES) }, field);
  let text: string;
  if (input.kind === "pdf") text = await pdfText(input.bytes);
  else if (input.kind === "docx") text = await docxText(input.bytes);
  else {
    if (startsWith(input.bytes, [0x25, 0x50, 0x44, 0x46]) || startsWith(input.bytes, [0x50, 0x4b, 0x03, 0x04])) throw new UploadRefusal("notWhatItSays", { kind: "text" }, field);
    text = utf8(input.bytes, field);
  }
  text = text.replace(/\r\n?/g, "\n");
  // A document's own front matter is not trusted: title, language and source come from the form.
  if (input.kind !== "pdf" && input.kind !== "docx") text = text.replace(/^---\n[\s\S]*?\n---[^\n]*\n?/, "");
  const letters = (text.match(/[\p{L}\p{N}]/gu) ?? []).length;
  if (letters < 20) throw new UploadRefusal(input.kind === "pdf" ? "noTextInPdf" : "noText", {}, field);
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_DOCUMENT_BYTES) throw new UploadRefusal("textTooLarge", { size: megabytes(bytes), limit: megabytes(MAX_DOCUMENT_BYTES) }, field);
  return text;
}

/** The language the text is most likely in: mostly Chinese characters → zh, otherwise en (as content/ does). */
export function detectLanguage(text: string): "en" | "zh" {
  return cjkShare(text.slice(0, 20_000)) > 0.3 ? "zh" : "en";
}

/** The first non-empty line, shortened: the title when the form leaves it blank. */
export function defaultTitle(text: string): string {
  const first = text.split("\n").map((l) => l.trim()).find((l) => l.length > 0) ?? "";
  return first.length > 120 ? `${first.slice(0, 117)}…` : first;
}
