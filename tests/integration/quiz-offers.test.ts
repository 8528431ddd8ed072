import { beforeAll, describe, expect, inject, it } from "vitest";
import { syncContent } from "@/lib/server/data/content-sync";
import { registerStudent, type SessionUser } from "@/lib/server/data/users";
import { finishAttempt, getAttemptView, NothingToAskError, startAttempt, submitResponse } from "@/lib/server/data/attempts";
import { quizOffer, sectorOffers } from "@/lib/server/data/quiz-offers";
import { build, fixtureFiles, seedFiles } from "@/lib/quizgen/test-helpers";
import { bundleToSyncInput } from "@/scripts/lib/bundle-to-sync";
import type { PresentedQuestion, QuizScope } from "@/lib/quiz/question";
import type { Answer } from "@/lib/schemas/answer";

const provider = inject("databaseProvider");
// The seed documents and the documents written for the tests, as the generator builds them.
const { bundle } = build([...seedFiles(), ...fixtureFiles()]);
let student: SessionUser;

beforeAll(async () => {
  // Other test files' lessons stay: this file only adds its own.
  await syncContent({ ...bundleToSyncInput(bundle), retireMissingLessons: false });
  student = await registerStudent({ name: "Offer Taker", email: `offers-${provider}@example.com`, password: "long-enough-pw" });
});

/** Starts the quiz and returns how many questions it has, or 0 when there is nothing to ask. */
async function questionsGiven(user: SessionUser, scope: QuizScope, scopeId: string, figuresOnly: boolean): Promise<number> {
  try {
    const attemptId = await startAttempt(user, { scope, scopeId, figuresOnly });
    return (await getAttemptView(user, attemptId)).questions.length;
  } catch (error) {
    if (error instanceof NothingToAskError) return 0;
    throw error;
  }
}

describe(`quiz buttons keep their promise on ${provider}`, () => {
  it("every lesson's quiz and figures-only quiz give the number of questions their buttons state", async () => {
    const offered: number[] = [];
    for (const doc of bundle.documents) {
      const offer = await quizOffer(student, "lesson", doc.slug, null);
      // A lesson with nothing to ask (all lists and headings, say) states 0 and gives 0.
      expect(await questionsGiven(student, "lesson", doc.slug, false), doc.slug).toBe(offer.questions);
      expect(await questionsGiven(student, "lesson", doc.slug, true), `${doc.slug} figures only`).toBe(offer.figures);
      offered.push(offer.questions);
    }
    expect(offered.filter((n) => n > 0).length, "lessons with a quiz").toBeGreaterThan(1);
  });

  it("every sector's quiz and figures-only quiz give the number of questions their buttons state", async () => {
    const offers = await sectorOffers(student, null);
    expect(offers.size).toBeGreaterThan(5);
    for (const [sectorId, offer] of offers) {
      expect(await quizOffer(student, "sector", sectorId, null), sectorId).toEqual(offer);
      expect(await questionsGiven(student, "sector", sectorId, false), sectorId).toBe(offer.questions);
      expect(await questionsGiven(student, "sector", sectorId, true), `${sectorId} figures only`).toBe(offer.figures);
    }
  });

  it("keeps the promise for a student who has answered before (wrong answers first, then unseen)", async () => {
    const again = await registerStudent({ name: "Again", email: `offers-again-${provider}@example.com`, password: "long-enough-pw" });
    for (const doc of bundle.documents) {
      const offer = await quizOffer(student, "lesson", doc.slug, null);
      if (offer.questions === 0) continue; // nothing to answer before
      const first = await startAttempt(again, { scope: "lesson", scopeId: doc.slug, figuresOnly: false });
      const view = await getAttemptView(again, first);
      // Answer half of them, right or wrong: the next quiz puts the missed ones first, then unseen ones.
      for (const { question } of view.questions.slice(0, Math.ceil(view.questions.length / 2))) {
        await submitResponse(again, { attemptId: first, questionId: question.id, answer: anyAnswer(question), timeTakenMs: 1000 });
      }
      await finishAttempt(again, first);
      expect(await questionsGiven(again, "lesson", doc.slug, false), doc.slug).toBe(offer.questions);
    }
  });

  it("a lesson that does not exist offers nothing and is not found (a wrong link, not an empty lesson)", async () => {
    const start = startAttempt(student, { scope: "lesson", scopeId: "no-such-lesson", figuresOnly: false });
    await expect(start).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(start).rejects.not.toBeInstanceOf(NothingToAskError);
    expect(await quizOffer(student, "lesson", "no-such-lesson", null)).toEqual({ questions: 0, figures: 0 });
  });
});

/** A well-formed answer of the question's kind (right or wrong does not matter here). */
function anyAnswer(q: PresentedQuestion): Answer {
  switch (q.type) {
    case "figure-typed":
      return { kind: "typed", text: "1" };
    case "true-false":
      return { kind: "bool", value: true };
    case "ordering":
      return { kind: "ordering", order: q.options.map((o) => o.id) };
    case "matching":
      return { kind: "matching", choices: q.lefts.map((_, i) => q.options[i % q.options.length].id) };
    default:
      return { kind: "option", optionId: q.options[0].id };
  }
}
