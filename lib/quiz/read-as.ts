// How a typed number was read, for the feedback (decisions/0025). The grader gives either the value
// as the question's language writes it ("2973.7亿美元", "297.37 billion US dollars") or a code with
// parameters when the answer is in another unit; pages turn the code into the reader's language.
// Stored as text in Response.readAs: the value as is, a code as JSON (a value never starts with "{").

export type ReadAs = { value: string } | { wrongUnit: { input: string; typed: string; asked: string } };

export function serializeReadAs(readAs: ReadAs): string {
  return "value" in readAs ? readAs.value : JSON.stringify(readAs);
}

export function parseReadAs(stored: string | null): ReadAs | null {
  if (stored === null) return null;
  if (stored.startsWith('{"wrongUnit"')) {
    try {
      const parsed = JSON.parse(stored) as { wrongUnit?: { input?: unknown; typed?: unknown; asked?: unknown } };
      const w = parsed.wrongUnit;
      if (w && typeof w.input === "string" && typeof w.typed === "string" && typeof w.asked === "string") {
        return { wrongUnit: { input: w.input, typed: w.typed, asked: w.asked } };
      }
    } catch {
      // not one of ours: shown as stored
    }
  }
  return { value: stored };
}

/** The stored reading as one line of text in the question's language (instructor pages, CSV). */
export function readAsText(stored: string | null, language: string): string | null {
  const readAs = parseReadAs(stored);
  if (!readAs) return null;
  if ("value" in readAs) return readAs.value;
  const { input, typed, asked } = readAs.wrongUnit;
  return language === "zh" ? `${input}（你写的单位是“${typed}”，本题问的是“${asked}”）` : `${input} (you wrote ${typed}; the question asks for ${asked})`;
}
