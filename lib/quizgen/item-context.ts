import type { Draft } from "./generate";
import { leadingConnective } from "./item-rules";
import type { ParsedDocument } from "./schema";
import { say } from "./templates";

/**
 * A true/false statement that starts with a connective ("But", "其中") cannot be judged alone; with
 * the sentence before it shown as context it can (docs/question-rules.md T2). The previous sentence
 * of the same section is put before the stem, and the checks are told so.
 */
export function withContext(drafts: Draft[], doc: ParsedDocument): Draft[] {
  const previous = new Map<string, string>();
  for (const section of doc.sections) {
    const sentences = section.paragraphs.filter((p) => !p.boilerplate).flatMap((p) => p.sentences);
    sentences.forEach((s, i) => i > 0 && previous.set(s.id, sentences[i - 1].text));
  }
  return drafts.map((d) => {
    if (d.type !== "true-false" || !leadingConnective(d.check.sentence, d.language)) return d;
    const context = previous.get(d.source.sentenceId);
    if (!context) return d;
    return { ...d, stem: say("inContext", d.language)(context, d.stem), check: { ...d.check, context } };
  });
}
