import { expect, expectAccessible, signUpNewStudent, test } from "./fixtures";
import { lessonSlugs, questionPayload, reviewCards } from "./db-oracle";
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

test("the results page shows each source sentence once, the answer given next to the key, and no key for a skipped question", async ({ page }) => {
  test.setTimeout(120_000);
  await signUpNewStudent(page);
  // A lesson with enough questions for a full 10-question quiz.
  for (const slug of [...lessonSlugs("en"), ...lessonSlugs("zh")]) {
    await page.goto(`/lessons/${slug}`);
    // The quiz buttons come from /api/reader on a cached lesson page (decisions/0042).
    await expect(page.locator('[data-lesson-actions="ready"]')).toBeVisible();
    const start = page.getByRole("button", { name: "Quiz on this lesson (10 questions)" });
    if (await start.count()) {
      await start.click();
      break;
    }
  }
  await expect(page.locator("form[data-question-id]")).toBeVisible();
  const total = await page.locator('nav[aria-label="Questions"] li').count();
  expect(total).toBe(10);
  const answered: string[] = [];
  for (let i = 0; i < total; i++) {
    // The last question is left unanswered on purpose.
    if (i < total - 1) {
      answered.push((await answerCurrentQuestion(page, i % 2 === 0)).id);
      await page.getByRole("button", { name: "Next question" }).click();
    }
  }
  await page.getByRole("button", { name: "Finish now (1 unanswered)" }).click();
  await expect(page).toHaveURL(/\/results$/);
  await expectAccessible(page);
  const height = await page.evaluate(() => document.body.scrollHeight);
  test.info().annotations.push({ type: "results page height (px)", description: String(height) });
  console.log(`results page height for ${total} questions: ${height}px`);

  for (const id of answered) {
    const item = page.locator(`li[data-question-id="${id}"]`);
    const quote = (questionPayload(id).source as { quote: string }).quote;
    const text = (await item.textContent())!;
    expect(text.split(quote).length - 1, `source sentence of ${id} shown once`).toBe(1);
    await expect(item.getByTestId("your-answer")).toBeVisible();
    await expect(item.getByTestId("answer-key")).toBeVisible();
    await expect(item.getByRole("link", { name: "Read it in the lesson" })).toHaveCount(1);
  }
  const skipped = page.locator("ol > li").filter({ hasText: "Not answered" });
  await expect(skipped).toHaveCount(1);
  await expect(skipped.getByTestId("answer-key")).toHaveCount(0);
  await expect(skipped.getByRole("link", { name: "Read it in the lesson" })).toHaveCount(0);
});

test("Undo last review undoes the review just given, before or after moving on, and says why when it cannot", async ({ page, context }) => {
  test.setTimeout(120_000);
  const email = await signUpNewStudent(page);
  await page.goto(`/lessons/${lessonSlugs("en")[0]}`);
  await page.getByRole("button", { name: "Add to my reviews" }).click();
  await expect(page).toHaveURL(/\/review\?lesson=/);
  const card = page.locator("[data-card-id]");
  const stateOf = (id: string) => reviewCards(email).find((c) => c.id === id)!.state;

  // Answer one card and move on, answer the next and do not move on: undo is about the second.
  const first = (await card.getAttribute("data-card-id"))!;
  await answerCurrentQuestion(page, true);
  await page.getByRole("button", { name: "Next card" }).click();
  await expect(card).not.toHaveAttribute("data-card-id", first);
  const second = (await card.getAttribute("data-card-id"))!;
  await answerCurrentQuestion(page, true);
  await page.getByRole("button", { name: "Undo last review" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your last review was undone" })).toBeVisible();
  await expect.poll(() => stateOf(second)).toBe(0);
  expect(stateOf(first)).not.toBe(0);

  // Answer, rate it Easy, move on, then undo: the review just given (as re-rated) is undone.
  const third = (await card.getAttribute("data-card-id"))!;
  await answerCurrentQuestion(page, true);
  await page.getByRole("button", { name: "It was easy" }).click();
  await expect(page.getByTestId("review-rating")).toContainText("Rated Easy");
  await page.getByRole("button", { name: "Next card" }).click();
  await expect(card).not.toHaveAttribute("data-card-id", third);
  await page.getByRole("button", { name: "Undo last review" }).click();
  // The first undo's confirmation may still be on screen: wait for the stored card, not the message.
  await expect.poll(() => stateOf(third)).toBe(0);
  await expect(page.getByRole("status").filter({ hasText: "Your last review was undone" })).toBeVisible();

  // A page left open elsewhere offers an undo that was meanwhile done: it says nothing was undone, and why.
  const other = await context.newPage();
  await other.goto("/review");
  // The card and its undo arrive as JSON after the page (decisions/0045): the other page must show its offer first.
  await expect(other.getByRole("button", { name: "Undo last review" })).toBeVisible();
  await page.getByRole("button", { name: "Undo last review" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your last review was undone" })).toBeVisible();
  await other.getByRole("button", { name: "Undo last review" }).click();
  await expect(other.getByRole("status").filter({ hasText: "Nothing was undone" })).toBeVisible();
  await expectAccessible(other);
});

test("the score chart labels its axes and its points, and names each point's date and lesson", async ({ page }) => {
  await signUpNewStudent(page);
  await page.goto(`/lessons/${lessonSlugs("en")[0]}`);
  const title = (await page.locator("#lesson-title").textContent())!.trim();
  await page.getByRole("button", { name: /Quiz on this lesson/ }).click();
  await expect(page.locator("form[data-question-id]")).toBeVisible();
  const total = await page.locator('nav[aria-label="Questions"] li').count();
  await page.getByRole("button", { name: `Finish now (${total} unanswered)` }).click();
  await expect(page).toHaveURL(/\/results$/);
  await page.goto("/dashboard");
  const chart = page.getByTestId("score-chart");
  await expect(chart).toContainText("Score");
  await expect(chart).toContainText("Quiz finished (date)");
  // The day the reader's way (this browser asks for English), not the ISO date.
  const today = new Intl.DateTimeFormat("en", { year: "numeric", month: "short", day: "numeric" }).format(new Date());
  await expect(chart).toContainText(today);
  const row = page.locator("figure figcaption tbody tr").first();
  await expect(row).toBeVisible();
  await expect(row).toContainText(today);
  await expect(row).toContainText(title);
  await expectAccessible(page);
});
