import { expect, expectAccessible, signUpNewStudent, test } from "./fixtures";
import { lessonSlugs } from "./db-oracle";
import { answerCurrentQuestion } from "./quiz-helpers";

test("every page names its icon, and it loads", async ({ page }) => {
  const missing: string[] = [];
  page.on("response", (r) => {
    if (r.status() === 404) missing.push(r.url());
  });
  await page.goto("/");
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toBeTruthy();
  const icon = await page.request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  await signUpNewStudent(page);
  await page.goto(`/lessons/${lessonSlugs("en")[0]}`);
  expect(missing).toEqual([]);
});

test("lesson and quiz pages are titled by the lesson, and the byline names the source without internal ids", async ({ page }) => {
  await signUpNewStudent(page);
  for (const slug of [...lessonSlugs("en"), ...lessonSlugs("zh")]) {
    await page.goto(`/lessons/${slug}`);
    const title = (await page.locator("#lesson-title").textContent())!.trim();
    await expect(page).toHaveTitle(`${title} · Figure Quiz`);
    const byline = page.locator("article header p").nth(1);
    await expect(byline).toContainText("min read");
    await expect(byline).not.toContainText(/seed|[0-9a-f]{12}/);
  }
  const slug = lessonSlugs("en")[0];
  await page.goto(`/lessons/${slug}`);
  const title = (await page.locator("#lesson-title").textContent())!.trim();
  await page.getByRole("button", { name: /Quiz on this lesson/ }).click();
  await expect(page.locator("form[data-question-id]")).toBeVisible();
  await expect(page).toHaveTitle(`Quiz: ${title} · Figure Quiz`);
});

test("after Check answer the keyboard focus is on the next action, and Enter goes on @phone", async ({ page }) => {
  await signUpNewStudent(page);
  await page.goto(`/lessons/${lessonSlugs("en")[0]}`);
  await page.getByRole("button", { name: /Quiz on this lesson/ }).click();
  await expect(page.locator("form[data-question-id]")).toBeVisible();
  const total = await page.locator('nav[aria-label="Questions"] li').count();
  await answerCurrentQuestion(page, true);
  await expect(page.getByRole("button", { name: "Next question" })).toBeFocused();
  await expectAccessible(page);
  await page.keyboard.press("Enter");
  await expect(page.getByText(`Question 2 of ${total}`)).toBeVisible();
  await expect(page.locator("#question-stem")).toBeFocused();
  // The last question: focus lands on the button that ends the quiz.
  await page.getByRole("button", { name: `Question ${total}, not answered` }).click();
  await answerCurrentQuestion(page, false);
  await expect(page.getByRole("button", { name: /^(See results|Finish now)/ })).toBeFocused();
});
