import { describe, expect, it } from "vitest";
import { parse, type GIFTQuestion } from "gift-pegjs";
import type { QuizQuestion } from "@/lib/quiz/question";
import { exportStem, keyOption, matchPairs, numericKey, orderedItems, type ExportBank } from "./bank";
import { toGift } from "./gift";
import { generatedBanks, handWrittenBank, NASTY } from "./test-helpers";

const GIFT_TYPE = { "figure-mc": "MC", "sector-id": "MC", "figure-typed": "Numerical", "true-false": "TF", matching: "Matching", ordering: "Matching" } as const;
const arrow = (t: string) => t.replace(/->/g, "→");
// gift-pegjs leaves an escaped character in a matching answer as a placeholder of its code ("\\=" →
// "&&061;") where it unescapes it everywhere else: read the placeholder back.
const unplaceholder = (t: string) => t.replace(/&&(\d{3});/g, (_, code: string) => String.fromCharCode(Number(code)));

/** Parses the export with gift-pegjs (an independent parser) and checks each question's key. */
function roundTrip(bank: ExportBank) {
  const parsed = parse(toGift(bank));
  expect(parsed[0]).toMatchObject({ type: "Category" });
  const questions = parsed.filter((p) => p.type !== "Category") as Exclude<GIFTQuestion, { type: "Category" | "Description" }>[];
  expect(questions).toHaveLength(bank.questions.length);
  bank.questions.forEach((q: QuizQuestion, i) => {
    const p = questions[i];
    expect(p.title).toBe(q.id);
    expect(p.type).toBe(GIFT_TYPE[q.type]);
    expect(p.stem).toEqual({ format: "plain", text: exportStem(q) });
    expect(p.globalFeedback?.text).toContain(q.source.quote);
    expect(p.globalFeedback?.text).toContain(q.id);
    if (p.type === "MC") {
      expect(p.choices.map((c) => c.text.text)).toEqual(q.options!.map((o) => o.text));
      expect(p.choices.filter((c) => c.isCorrect).map((c) => c.text.text)).toEqual([keyOption(q).text]);
    } else if (p.type === "Numerical") {
      const key = numericKey(q);
      expect(p.choices).toMatchObject({ type: "range", number: key.value, range: key.tolerance });
    } else if (p.type === "TF") {
      expect(p.isTrue).toBe(q.answerBool);
    } else if (p.type === "Matching") {
      const expected = q.type === "ordering" ? orderedItems(q).map((o, rank) => ({ left: o.text, right: `${rank + 1}` })) : matchPairs(q);
      expect(p.matchPairs.map((m) => ({ left: m.subquestion.text, right: unplaceholder(m.subanswer) }))).toEqual(expected.map((e) => ({ left: arrow(e.left), right: arrow(e.right) })));
    } else {
      throw new Error(`unexpected GIFT type ${p.type}`);
    }
  });
}

describe("GIFT export", () => {
  it("escapes ~ = # { } : and the backslash so that Chinese texts and keys parse back unchanged", () => {
    const bank = handWrittenBank();
    expect(new Set(bank.questions.map((q) => q.type)).size).toBe(6);
    expect(bank.questions.some((q) => q.stem.includes(NASTY) && q.language === "zh")).toBe(true);
    roundTrip(bank);
  });

  it("gives the typed number in the unit the stem asks for, with its tolerance", () => {
    const gift = toGift(handWrittenBank());
    expect(gift).toContain("{#107.8:0.05####");
    expect(gift).toContain("{#2500000:50000####");
  });

  it("parses every generated lesson into as many questions with the same keys", () => {
    const banks = generatedBanks();
    expect(banks.length).toBeGreaterThan(1);
    for (const bank of banks) roundTrip(bank);
  });
});
