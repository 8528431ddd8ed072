import { describe, expect, it } from "vitest";
import { detectLanguage, extractUpload, kindOfFileName, reflowLines, UploadRefusal } from "./extract";
import { docxOf, imageOnlyPdf, pdfOf } from "@/tests/support/upload-files";
import { CHINESE_UPLOAD, ENGLISH_UPLOAD } from "@/tests/support/upload-texts";

/** A refusal by its message key and values, worded in English in `message`. */
const refusal = (key: string, values: Record<string, unknown>, message: string) => expect.objectContaining({ message, code: "INVALID", translation: { key: `documents.errors.${key}`, values } });

describe("reading uploaded documents", () => {
  it("reads a .docx paragraph by paragraph", async () => {
    const text = await extractUpload({ kind: "docx", fileName: "a.docx", bytes: await docxOf(ENGLISH_UPLOAD) });
    expect(text.split("\n").filter(Boolean)).toEqual(ENGLISH_UPLOAD.split("\n"));
  });

  it("reads a .pdf and joins its wrapped lines back into paragraphs", async () => {
    const text = await extractUpload({ kind: "pdf", fileName: "a.pdf", bytes: await pdfOf(ENGLISH_UPLOAD, { wrap: 40 }) });
    expect(text.split("\n")).toEqual(ENGLISH_UPLOAD.split("\n"));
  });

  it("joins Chinese lines without a space and keeps numbered headings apart", () => {
    expect(reflowLines("2022年，北港市生产了全省\n38%的电池。\n1. Robots\nFactories installed\n1,250 robots.")).toBe("2022年，北港市生产了全省38%的电池。\n1. Robots\nFactories installed 1,250 robots.");
  });

  it("detects the language from the share of Chinese characters", () => {
    expect(detectLanguage(CHINESE_UPLOAD)).toBe("zh");
    expect(detectLanguage(ENGLISH_UPLOAD)).toBe("en");
  });

  it("refuses a scanned PDF, an encrypted PDF, contents that are not what the name says, non-UTF-8 text and oversized files", async () => {
    await expect(extractUpload({ kind: "pdf", fileName: "scan.pdf", bytes: await imageOnlyPdf() })).rejects.toEqual(refusal("noTextInPdf", {}, "This PDF has no text to read: it looks like a scanned image. Upload a PDF with a text layer, or paste the text."));
    await expect(extractUpload({ kind: "pdf", fileName: "locked.pdf", bytes: await pdfOf(ENGLISH_UPLOAD, { encrypt: true }) })).rejects.toEqual(refusal("encryptedPdf", {}, "This PDF is encrypted (password-protected or locked). Save an unprotected copy and upload that."));
    await expect(extractUpload({ kind: "pdf", fileName: "fake.pdf", bytes: new TextEncoder().encode(ENGLISH_UPLOAD) })).rejects.toEqual(refusal("notWhatItSays", { kind: "pdf" }, "This file is not a PDF file inside, whatever its name says. Save it again as a real PDF file."));
    await expect(extractUpload({ kind: "docx", fileName: "fake.docx", bytes: await pdfOf(ENGLISH_UPLOAD) })).rejects.toEqual(refusal("notWhatItSays", { kind: "docx" }, "This file is not a Word (.docx) file inside, whatever its name says. Save it again as a real Word (.docx) file."));
    await expect(extractUpload({ kind: "txt", fileName: "renamed.txt", bytes: await docxOf(ENGLISH_UPLOAD) })).rejects.toEqual(refusal("notWhatItSays", { kind: "text" }, "This file is not a text file inside, whatever its name says. Save it again as a real text file."));
    const latin1 = Uint8Array.from([...new TextEncoder().encode("Caf"), 0xe9, ...new TextEncoder().encode(` ${ENGLISH_UPLOAD}`)]);
    await expect(extractUpload({ kind: "txt", fileName: "latin1.txt", bytes: latin1 })).rejects.toEqual(refusal("notUtf8", {}, "This file is not UTF-8 text. Save it as UTF-8 (plain text) and upload it again."));
    const huge = new TextEncoder().encode("Robots did 64% of the welding in 2022.\n".repeat(60_000));
    await expect(extractUpload({ kind: "md", fileName: "huge.md", bytes: huge })).rejects.toBeInstanceOf(UploadRefusal);
    await expect(extractUpload({ kind: "md", fileName: "huge.md", bytes: huge })).rejects.toMatchObject({ message: expect.stringMatching(/^Its text is 2\.2 MB; the limit is 2\.0 MB/) });
    expect(() => kindOfFileName("slides.pptx")).toThrow("“slides.pptx” is not a document this page reads: upload a .txt, .md, .docx or .pdf file.");
    expect(kindOfFileName("Notes.MD")).toBe("md");
  });

  it("drops a pasted document's own front matter: the form says the title and language", async () => {
    const text = await extractUpload({ kind: "paste", fileName: "", bytes: new TextEncoder().encode(`---\nslug: taken\n---\n${ENGLISH_UPLOAD}`) });
    expect(text.startsWith("Harbour cities")).toBe(true);
  });
});
