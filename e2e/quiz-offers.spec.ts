import { expect, signUpNewStudent, test } from "./fixtures";
import { figureQuestionCount, lessonSlugs, questionCount, sectorWithoutQuestions } from "./db-oracle";
import type { Locator, Page } from "@playwright/test";

/** The number a quiz button states: "Quiz on this lesson (8 questions)" → 8. */
async function statedCount(button: Locator): Promise<number> {
  const label = (await button.textContent()) ?? "";
  const match = label.match(/\((\d+) questions?\)/);
  expect(match, `"${label}" states a number of questions`).not.toBeNull();
  return Number(match![1]);
}

/** Clicks a quiz button and checks the quiz it opens has exactly the stated number of questions. */
async function quizGivesWhatItStates(page: Page, button: Locator, where: string) {
  const stated = await statedCount(button);
  expect(stated, where).toBeGreaterThan(0);
  await button.click();
  await expect(page, where).toHaveURL(/\/quiz\/[^/]+$/);
  await expect(page.locator("form[data-question-id]"), where).toBeVisible();
  await expect(page.locator('nav[aria-label="Questions"] li'), where).toHaveCount(stated);
}

test("every lesson's quiz buttons give the number of questions they state; figures only only where there are figure questions", async ({ page }) => {
  test.setTimeout(240_000);
  await signUpNewStudent(page);
  const slugs = [...lessonSlugs("en"), ...lessonSlugs("zh")];
  expect(slugs.length).toBeGreaterThan(1);
  let quizzes = 0;
  for (const slug of slugs) {
    await page.goto(`/lessons/${slug}`);
    if (questionCount(slug) === 0) {
      // A lesson the generator could ask nothing about says so, and offers no button that would fail.
      await expect(page.getByText("No quiz yet: nothing here can be asked as a question."), slug).toBeVisible();
      await expect(page.getByRole("button", { name: /^(Quiz on this lesson|Figures only)/ }), slug).toHaveCount(0);
      continue;
    }
    await quizGivesWhatItStates(page, page.getByRole("button", { name: /^Quiz on this lesson \(/ }), slug);
    quizzes++;

    await page.goto(`/lessons/${slug}`);
    const figuresOnly = page.getByRole("button", { name: /^Figures only/ });
    if (figureQuestionCount(slug) === 0) {
      await expect(figuresOnly, `${slug} has no figure questions`).toHaveCount(0);
    } else {
      await quizGivesWhatItStates(page, figuresOnly, `${slug} figures only`);
      for (const type of await page.locator("form[data-question-id]").evaluateAll((forms) => forms.map((f) => f.getAttribute("data-question-type")))) {
        expect(["figure-mc", "figure-typed"]).toContain(type);
      }
    }
  }
  expect(quizzes, "lessons with a quiz").toBeGreaterThan(1);
});

test("sector quiz buttons give the number of questions they state", async ({ page }) => {
  test.setTimeout(180_000);
  await signUpNewStudent(page);
  await page.goto("/sectors");
  const sectors = page.locator("li[id]");
  const count = await sectors.count();
  expect(count).toBeGreaterThan(3);
  // The first, a middle and the last sector, and one without figure questions if any.
  const ids = await sectors.evaluateAll((items) => items.map((li) => ({ id: li.id, figures: !!Array.from(li.querySelectorAll("button")).find((b) => b.textContent?.startsWith("Figures only")) })));
  const chosen = new Set([ids[0].id, ids[Math.floor(count / 2)].id, ids[count - 1].id, ...ids.filter((s) => !s.figures).slice(0, 1).map((s) => s.id)]);
  for (const id of chosen) {
    await page.goto(`/sectors#${id}`);
    await quizGivesWhatItStates(page, page.locator(`li[id="${id}"]`).getByRole("button", { name: /^Quiz on / }), id);
  }
});

test("a quiz with nothing to ask explains it instead of failing", async ({ page }) => {
  await signUpNewStudent(page);
  // A button from a stale page: by the time it is pressed, its scope (a sector that exists) has no
  // active question left. (An unknown lesson or sector is a wrong link: e2e/failures.spec.ts, 404.)
  const empty = sectorWithoutQuestions();
  expect(empty, "a sector of the lexicon without questions").not.toBeNull();
  await page.goto(`/lessons/${lessonSlugs("en")[0]}`);
  const form = page.locator("form", { has: page.getByRole("button", { name: /^Quiz on this lesson/ }) });
  await form.locator('input[name="scope"]').evaluate((input: HTMLInputElement) => (input.value = "sector"));
  await form.locator('input[name="scopeId"]').evaluate((input: HTMLInputElement, id: string) => (input.value = id), empty!);
  await form.getByRole("button").click();
  await expect(page).toHaveURL(/\/quiz\/nothing-to-ask\?/);
  await expect(page.getByRole("heading", { name: "Nothing to ask here yet" })).toBeVisible();

  const response = await page.goto("/quiz/nothing-to-ask?scope=lesson&id=no-such-lesson&figures=1");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Nothing to ask here yet" })).toBeVisible();
  await expect(page.getByText(/no questions about figures/)).toBeVisible();
});
