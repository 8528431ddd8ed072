import { describe, expect, it } from "vitest";
import { answerAsSeen, storedAnswerAsSeen } from "./answer-text";

const options = [
  { id: "a", text: "12%" },
  { id: "b", text: "Steel" },
  { id: "c", text: "Chips" },
];

describe("an answer as the student saw it", () => {
  it("shows the option's text, the typed text and the true/false word", () => {
    expect(answerAsSeen({ language: "en", options, pairs: null }, { kind: "option", optionId: "b" })).toBe("Steel");
    expect(answerAsSeen({ language: "en", options: null, pairs: null }, { kind: "typed", text: "2.5 million" })).toBe("2.5 million");
    expect(answerAsSeen({ language: "zh", options: null, pairs: null }, { kind: "bool", value: false })).toBe("错误");
  });
  it("spells out matching pairs and an order", () => {
    const pairs = [{ left: "Imports", right: "Chips" }, { left: "Exports", right: "Steel" }];
    expect(answerAsSeen({ language: "en", options, pairs }, { kind: "matching", choices: ["c", "a"] })).toBe("Imports → Chips; Exports → 12%");
    expect(answerAsSeen({ language: "en", options, pairs: null }, { kind: "ordering", order: ["c", "a", "b"] })).toBe("Chips → 12% → Steel");
  });
  it("reads the stored JSON, and keeps what it cannot read", () => {
    expect(storedAnswerAsSeen({ language: "en", options, pairs: null }, '{"kind":"option","optionId":"a"}')).toBe("12%");
    expect(storedAnswerAsSeen({ language: "en", options, pairs: null }, "not json")).toBe("not json");
  });
});
