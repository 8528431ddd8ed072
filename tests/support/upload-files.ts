// Builds .docx and .pdf files at run time for the upload tests (docx and pdf-lib, dev dependencies).
import { Document, Packer, Paragraph } from "docx";
import { PDFDocument, PDFName, PDFString, StandardFonts } from "pdf-lib";

export async function docxOf(text: string): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: text.split("\n").map((line) => new Paragraph({ text: line })) }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A PDF with the text drawn line by line, long lines wrapped at `wrap` characters (as a printed page is). */
export async function pdfOf(text: string, options: { wrap?: number; encrypt?: boolean } = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const wrap = options.wrap ?? 90;
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let rest = paragraph;
    while (rest.length > wrap) {
      const cut = rest.lastIndexOf(" ", wrap);
      const at = cut > 0 ? cut : wrap;
      lines.push(rest.slice(0, at));
      rest = rest.slice(at).trimStart();
    }
    lines.push(rest);
    lines.push("");
  }
  let page = pdf.addPage();
  let y = 800;
  for (const line of lines) {
    if (y < 40) {
      page = pdf.addPage();
      y = 800;
    }
    if (line) page.drawText(line, { x: 40, y, size: 10, font });
    y -= 13;
  }
  if (options.encrypt) {
    // The Standard security handler's dictionary in the trailer, as a locked PDF carries it.
    const encrypt = pdf.context.obj({ Filter: PDFName.of("Standard"), V: 1, R: 2, O: PDFString.of("x".repeat(32)), U: PDFString.of("y".repeat(32)), P: -44 });
    pdf.context.trailerInfo.Encrypt = pdf.context.register(encrypt);
  }
  return pdf.save({ useObjectStreams: false });
}

/** A PDF whose pages hold only a drawn shape: what a scanned page without a text layer reads as. */
export async function imageOnlyPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage().drawRectangle({ x: 50, y: 50, width: 300, height: 400 });
  return pdf.save();
}
