import { describe, expect, it } from "vitest";
import { build, fixtureFiles, seedFiles } from "@/lib/quizgen/test-helpers";
import { quizCapacity, quizLength, revealingGroups, type GroupableQuestion } from "./quiz-capacity";
import { selectQuestions, type QuestionHistory } from "./select-questions";
import { seededRandom } from "./seeded-random";

function q(id: string, type: string, sentence: string, figures: string[] = []): GroupableQuestion {
  return { id, type, source: { sentenceId: sentence }, figureIds: figures };
}

/** Some questions answered right, wrong or left blank, as a student's history would have them. */
function randomHistory(pool: GroupableQuestion[], seed: number): QuestionHistory {
  const random = seededRandom(seed, "history");
  return new Map(pool.filter(() => random() < 0.4).map((x) => [x.id, { seen: 1 + Math.floor(random() * 3), last: (["right", "wrong", "blank"] as const)[Math.floor(random() * 3)] }]));
}

describe("quizCapacity", () => {
  it("counts one question per revealing group, joined through shared sentences and figures", () => {
    // a–b share a sentence, b–c share a figure: a and c never meet in one quiz either.
    const chain = [q("a", "figure-mc", "s1", ["f1"]), q("b", "true-false", "s1", ["f2"]), q("c", "figure-typed", "s2", ["f2"]), q("d", "sector-id", "s3")];
    const groups = revealingGroups(chain);
    expect(groups.get("a")).toBe(groups.get("c"));
    expect(groups.get("d")).not.toBe(groups.get("a"));
    expect(quizCapacity(chain, { figuresOnly: false })).toBe(2);
    // Figures only: b is not a figure question, so a and c no longer share anything.
    expect(quizCapacity(chain, { figuresOnly: true })).toBe(2);
    for (let seed = 1; seed <= 40; seed++) expect(selectQuestions(chain, new Map(), { count: 10, seed })).toHaveLength(2);
  });

  it("is at most the quiz's length, and 0 when there is nothing to ask", () => {
    const many = Array.from({ length: 30 }, (_, i) => q(`q${i}`, i % 2 ? "figure-mc" : "sector-id", `s${i}`));
    expect(quizCapacity(many, { figuresOnly: false })).toBe(quizLength({ figuresOnly: false }));
    expect(quizCapacity(many, { figuresOnly: true })).toBe(quizLength({ figuresOnly: true }));
    expect(quizCapacity(many.filter((x) => x.type === "sector-id"), { figuresOnly: true })).toBe(0);
    expect(quizCapacity([], { figuresOnly: false })).toBe(0);
  });

  it("is exactly what the selector gives, for every lesson and sector, seed and history (seeds and test documents)", () => {
    for (const files of [seedFiles(), fixtureFiles()]) {
      const { bundle } = build(files);
      const scopes = [
        ...bundle.documents.map((d) => bundle.questions.filter((x) => x.documentSlug === d.slug)),
        ...bundle.sectors.map((s) => bundle.questions.filter((x) => x.sectorIds.includes(s.id))),
      ];
      for (const pool of scopes) {
        for (const figuresOnly of [false, true]) {
          const capacity = quizCapacity(pool, { figuresOnly });
          for (let seed = 1; seed <= 12; seed++) {
            const chosen = selectQuestions(pool, randomHistory(pool, seed), { count: quizLength({ figuresOnly }), seed, figuresOnly });
            expect(chosen.length, `${pool[0]?.documentSlug} figuresOnly=${figuresOnly} seed=${seed}`).toBe(capacity);
          }
        }
      }
    }
  });
});
