import { expect, type Page } from "@playwright/test";
import { questionPayload } from "./db-oracle";

interface Option {
  id: string;
  text: string;
}

/** The quiz chrome a helper needs to find its way, in the interface's language. */
export interface QuizLabels {
  yourAnswer: string;
  checkAnswer: string;
  moveUp: (item: string) => string;
  correct: string;
  wrong: string;
}

export const ENGLISH_QUIZ_LABELS: QuizLabels = {
  yourAnswer: "Your answer",
  checkAnswer: "Check answer",
  moveUp: (item) => `Move “${item}” up`,
  correct: "Correct",
  wrong: "Not quite",
};

/** Answers the question on screen, right or wrong on purpose, with the keyboard-usable controls. */
export async function answerCurrentQuestion(page: Page, correct: boolean, labels: QuizLabels = ENGLISH_QUIZ_LABELS): Promise<{ id: string; type: string }> {
  const form = page.locator("form[data-question-id]");
  const id = (await form.getAttribute("data-question-id"))!;
  const q = questionPayload(id);
  const options = (q.options as Option[] | null) ?? [];
  const textOf = (optionId: string) => options.find((o) => o.id === optionId)!.text;
  switch (q.type) {
    case "figure-mc":
    case "sector-id": {
      const key = q.correctOptionId as string;
      const pick = correct ? key : options.find((o) => o.id !== key)!.id;
      await form.getByRole("radio", { name: textOf(pick), exact: true }).check();
      break;
    }
    case "true-false": {
      const value = correct ? (q.answerBool as boolean) : !(q.answerBool as boolean);
      await form.getByRole("radio").nth(value ? 0 : 1).check();
      break;
    }
    case "figure-typed": {
      // A right answer is typed as the source wrote it; a wrong one far outside the tolerance.
      const value = q.answerValue as number;
      await form.getByLabel(labels.yourAnswer).fill(correct ? (q.answerText as string) : String(Math.abs(value) * 7 + 13));
      break;
    }
    case "matching": {
      const pairs = q.pairs as { left: string; right: string }[];
      const selects = form.getByRole("combobox");
      const rightIds = pairs.map((p) => options.find((o) => o.text === p.right || o.id === p.right)!.id);
      const chosen = correct ? rightIds : [...rightIds.slice(1), rightIds[0]];
      for (let i = 0; i < pairs.length; i++) await selects.nth(i).selectOption(chosen[i]);
      break;
    }
    case "ordering": {
      const key = q.correctOrder as string[];
      const target = correct ? key : [...key].reverse();
      // Move items with the move-up buttons only: keyboard-reachable, no drag.
      for (let i = 0; i < target.length; i++) {
        for (;;) {
          const texts = await form.locator("ol li span.flex-1").allTextContents();
          const at = texts.indexOf(textOf(target[i]));
          if (at <= i) break;
          await form.getByRole("button", { name: labels.moveUp(textOf(target[i])) }).click();
        }
      }
      break;
    }
    default:
      throw new Error(`unknown question type ${q.type}`);
  }
  await form.getByRole("button", { name: labels.checkAnswer }).click();
  await expect(page.getByRole("status").filter({ hasText: correct ? labels.correct : labels.wrong })).toBeVisible();
  return { id, type: q.type };
}
