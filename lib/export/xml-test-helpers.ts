import { XMLParser, XMLValidator } from "fast-xml-parser";

/** Parses XML with fast-xml-parser (an independent parser) after checking it is well-formed. */
export function parseXml(xml: string, arrays: string[]): Record<string, unknown> {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed: ${JSON.stringify(valid.err)}`);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", parseTagValue: false, parseAttributeValue: false, trimValues: false, isArray: (name) => arrays.includes(name) });
  return parser.parse(xml) as Record<string, unknown>;
}

/** HTML text back to plain text: paragraphs as lines, the five entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<\/p><p>/g, "\n")
    .replace(/<\/?p>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}
