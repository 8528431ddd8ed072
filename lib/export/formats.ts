import type { ExportBank } from "./bank";
import { toAnkiPackage } from "./anki";
import { toGift } from "./gift";
import { toMoodleXml } from "./moodle-xml";
import { toQtiPackage } from "./qti";

export const EXPORT_FORMATS = ["moodle", "gift", "qti", "anki"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === "string" && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** Each format's file: extension, media type and writer. */
export const FORMAT_FILES: Record<ExportFormat, { extension: string; contentType: string; write: (bank: ExportBank) => string | Uint8Array<ArrayBuffer> }> = {
  moodle: { extension: "xml", contentType: "application/xml; charset=utf-8", write: toMoodleXml },
  gift: { extension: "gift.txt", contentType: "text/plain; charset=utf-8", write: toGift },
  qti: { extension: "qti.zip", contentType: "application/zip", write: toQtiPackage },
  anki: { extension: "apkg", contentType: "application/octet-stream", write: (bank) => toAnkiPackage(bank) },
};
