import { describe, expect, it } from "vitest";
import { build } from "./test-helpers";

describe("questions that reveal each other", () => {
  const text = [
    "---\ntitle: Tin mining\n---\nTin",
    "In 2019 the mines shipped 27 thousand tonnes of tin, against 18 thousand tonnes in 2015.",
    "Exports of tin reached 9% of output in 2020, and 7% in 2018.",
    "Tin prices rose 27 thousand yuan a tonne in the year.",
  ].join("\n\n");
  const { bundle } = build([{ name: "tin.md", text }]);
  const sentenceOf = (figureId: string) => bundle.figures.find((f) => f.id === figureId)?.sentenceId;

  it("are linked when one's key is written in the other's stem", () => {
    const key = bundle.questions.find((q) => q.type !== "ordering" && q.answerText === "27 thousand" && q.source.quote.startsWith("In 2019"));
    const quoting = bundle.questions.filter((q) => q.source.quote.startsWith("Tin prices") && q.stem.includes("27 thousand"));
    expect(key).toBeDefined();
    expect(quoting.length).toBeGreaterThan(0);
    for (const q of quoting) expect(q.figureIds, q.stem).toContain(key!.figureIds[0]);
  });

  it("are not linked because a key's digits appear inside a longer number (9 in 2019, 7 in 27)", () => {
    for (const q of bundle.questions.filter((x) => x.source.quote.startsWith("In 2019"))) {
      expect(q.figureIds.map(sentenceOf).every((s) => s === q.source.sentenceId), q.stem).toBe(true);
    }
  });
});
