/**
 * CSV as spreadsheets open it: UTF-8 with a byte-order mark (so Excel keeps Chinese), CRLF line
 * ends, every field quoted when it holds a comma, quote or line break (RFC 4180). Cells that start
 * with = + - @ get a leading apostrophe so a spreadsheet does not run them as formulas.
 */
export function toCsv(header: string[], rows: (string | number | boolean | null | undefined | Date)[][]): string {
  const cell = (value: string | number | boolean | null | undefined | Date): string => {
    if (value === null || value === undefined) return "";
    let text = value instanceof Date ? value.toISOString() : String(value);
    if (typeof value === "string" && /^[=+\-@]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return "\uFEFF" + [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}
