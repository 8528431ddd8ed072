import { expect, expectAccessible, signUpNewStudent, test } from "./fixtures";
import { lessonSlugs, reviewCards, userTimeZone } from "./db-oracle";
import { answerCurrentQuestion } from "./quiz-helpers";

const DAY_MS = 24 * 60 * 60 * 1000;
const NEW_PER_DAY = 5;

test("a learner studies a lesson, reviews cards in several formats, undoes one, and the next day the right cards are due @phone", async ({ page, context, baseURL }) => {
  test.setTimeout(180_000);
  const email = await signUpNewStudent(page, "Review Learner 复习");

  // Settings: a wrong value is refused next to its field; a good one is kept.
  await page.goto("/review/settings");
  await page.getByLabel("Desired retention").fill("2");
  await page.getByLabel("New cards per day").fill(String(NEW_PER_DAY));
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.locator("#desiredRetention-error")).toContainText("Above 0.97");
  await expect(page.getByLabel("Desired retention")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Desired retention").fill("0.9");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  // A new learner schedules with FSRS's defaults until their log is large enough to fit (decisions/0036).
  await expect(page.getByTestId("fsrs-status")).toContainText("Default FSRS parameters: they are fitted to your own reviews once you have 400 (you have 0).");
  await page.screenshot({ path: test.info().outputPath("review-settings.png"), fullPage: true });
  await expectAccessible(page);

  // Study the Chinese lesson: its facts become cards, paced by the daily limit.
  const slug = lessonSlugs("zh")[0];
  await page.goto(`/lessons/${slug}`);
  await page.getByRole("button", { name: "Add to my reviews" }).click();
  await expect(page).toHaveURL(new RegExp(`/review\\?lesson=${slug}`));
  await expect(page.getByRole("status").filter({ hasText: /Added \d+ facts/ })).toBeVisible();
  await expect(page.getByTestId("due-count")).toHaveText("0");
  await expect(page.getByTestId("new-count")).toHaveText(String(NEW_PER_DAY));
  await expectAccessible(page);

  // Day 1: every new card allowed today, the first rated Easy, the last but one answered wrong (it
  // comes back a minute later, after the last new card), the rest Good.
  const shown: { cardId: string; type: string }[] = [];
  for (let i = 0; i < NEW_PER_DAY; i++) {
    const cardId = (await page.locator("[data-card-id]").getAttribute("data-card-id"))!;
    const correct = i !== NEW_PER_DAY - 2;
    const { type } = await answerCurrentQuestion(page, correct);
    shown.push({ cardId, type });
    if (i === 0) {
      await page.getByRole("button", { name: "It was easy" }).click();
      await expect(page.getByTestId("review-rating")).toContainText(/Rated Easy: this card comes back in \d+ days/);
    } else {
      await expect(page.getByTestId("review-rating")).toContainText(correct ? "Rated Good" : "Rated Again");
    }
    if (i === 0) await expectAccessible(page);
    await page.getByRole("button", { name: "Next card" }).click();
    if (i < NEW_PER_DAY - 1) await expect(page.locator("[data-card-id]")).not.toHaveAttribute("data-card-id", cardId);
  }
  await expect(page.getByTestId("new-count")).toHaveText("0");

  // Undo the last review: the card is new again, the undo is confirmed and the log keeps both rows.
  await page.getByRole("button", { name: "Undo last review" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your last review was undone" })).toBeVisible();
  await expect(page.getByTestId("new-count")).toHaveText("1");
  const undone = shown.pop()!;
  expect(reviewCards(email).find((c) => c.id === undone.cardId)).toMatchObject({ state: 0, reps: 0 });

  // Next day (the server's clock moved forward): the cards answered Good or wrong are due, the Easy
  // one is not, and new cards are allowed again.
  await context.addCookies([{ name: "test-clock-offset-ms", value: String(DAY_MS + 60_000), url: baseURL! }]);
  const dueIds = shown.slice(1).map((s) => s.cardId);
  await page.goto("/dashboard");
  await page.getByRole("link", { name: `Review ${dueIds.length} facts you are about to forget` }).click();
  await expect(page).toHaveURL(/\/review$/);
  await page.goto(`/review?lesson=${slug}`);
  await expect(page.getByTestId("due-count")).toHaveText(String(dueIds.length));
  await expect(page.getByTestId("new-count")).toHaveText(String(NEW_PER_DAY));
  const easy = reviewCards(email).find((c) => c.id === shown[0].cardId)!;
  expect(new Date(easy.due).getTime() - Date.now()).toBeGreaterThan(2 * DAY_MS);
  for (let i = 0; i < dueIds.length; i++) {
    const cardId = (await page.locator("[data-card-id]").getAttribute("data-card-id"))!;
    expect(dueIds).toContain(cardId);
    const { type } = await answerCurrentQuestion(page, true);
    shown.push({ cardId, type });
    await page.getByRole("button", { name: "Next card" }).click();
    if (i < dueIds.length - 1) await expect(page.locator("[data-card-id]")).not.toHaveAttribute("data-card-id", cardId);
  }
  await expect(page.getByTestId("due-count")).toHaveText("0");
  // Cards came back in another format than they were first asked in, and several formats were used.
  expect(new Set(shown.map((s) => s.type)).size).toBeGreaterThanOrEqual(2);

  // Statistics: the history of both days.
  await page.goto("/review/stats");
  const reviews = NEW_PER_DAY - 1 + dueIds.length;
  await expect(page.getByRole("img", { name: new RegExp(`^${reviews} reviews on 2 days`) })).toBeVisible();
  await expect(page.getByTestId("due-forecast").locator("tbody tr")).toHaveCount(30);
  await expect(page.getByText("Your goal is 90%")).toBeVisible();
  await expect(page.getByTestId("retention-table")).toContainText("all intervals");
  await expectAccessible(page);
});

test.describe("the learner's own day", () => {
  test.use({ timezoneId: "Asia/Shanghai" });

  test("the review page takes the browser's time zone on a first visit; settings validate and change it", async ({ page }) => {
    const email = await signUpNewStudent(page, "Time Zone Learner");
    expect(userTimeZone(email)).toBeNull();
    await page.goto("/review");
    await expect.poll(() => userTimeZone(email)).toBe("Asia/Shanghai");

    await page.goto("/review/settings");
    const field = page.getByLabel("Time zone");
    await expect(field).toHaveValue("Asia/Shanghai");
    await field.fill("Mars/Olympus_Mons");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.locator("#timeZone-error")).toContainText("Enter a time zone such as Asia/Shanghai or Europe/London.");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    expect(userTimeZone(email)).toBe("Asia/Shanghai");
    await expectAccessible(page);

    await page.getByLabel("Time zone").fill("europe/london");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    expect(userTimeZone(email)).toBe("Europe/London");
    // A later visit from the Shanghai browser does not undo the choice.
    await page.goto("/review");
    await page.goto("/review/settings");
    await expect(page.getByLabel("Time zone")).toHaveValue("Europe/London");
    expect(userTimeZone(email)).toBe("Europe/London");
  });
});

test("the cached review page serves each learner their own cards, signed out goes to sign in, and without JavaScript it says so", async ({ page, browser, baseURL }) => {
  // Review pages from the page cache (docs/decisions/0045): one document for everyone in a language.
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
  });
  const emailOne = await signUpNewStudent(page, "Review Cache One");
  const otherContext = await browser.newContext({ baseURL });
  const other = await otherContext.newPage();
  const emailTwo = await signUpNewStudent(other, "Review Cache Two");
  for (const [learner, slug] of [
    [page, lessonSlugs("en")[0]!],
    [other, lessonSlugs("zh")[0]!],
  ] as const) {
    await learner.goto(`/lessons/${slug}`);
    await learner.getByRole("button", { name: "Add to my reviews" }).click();
    await expect(learner.getByRole("status").filter({ hasText: /Added \d+ facts/ })).toBeVisible();
  }
  const cardsOne = reviewCards(emailOne).map((c) => c.id);
  const cardsTwo = reviewCards(emailTwo).map((c) => c.id);
  expect(cardsOne.length).toBeGreaterThan(0);
  expect(cardsTwo.length).toBeGreaterThan(0);

  // Opened as documents: each learner sees a card of their own, with the page's own nonce.
  for (const [learner, own, theirs] of [
    [page, cardsOne, cardsTwo],
    [other, cardsTwo, cardsOne],
  ] as const) {
    const response = await learner.goto("/review");
    const nonce = /'nonce-([^']+)'/.exec(response!.headers()["content-security-policy"] ?? "")?.[1];
    expect(nonce).toBeTruthy();
    const scriptNonces = await learner.locator("script[src]").evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
    expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
    const cardId = (await learner.locator("[data-card-id]").getAttribute("data-card-id"))!;
    expect(own).toContain(cardId);
    expect(theirs).not.toContain(cardId);
    await expect(learner.getByTestId("new-count")).not.toHaveText("0");
  }
  await expectAccessible(page);

  // The two documents are one page (only the nonce differs), naming neither learner nor any card.
  const withoutNonce = async (response: import("@playwright/test").APIResponse) => {
    const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")![1]!;
    return (await response.text()).replaceAll(nonce, "NONCE");
  };
  const [docOne, docTwo] = await Promise.all([withoutNonce(await page.request.get("/review")), withoutNonce(await other.request.get("/review"))]);
  expect(docOne).toBe(docTwo);
  for (const id of [...cardsOne, ...cardsTwo]) expect(docOne).not.toContain(id);
  expect(docOne).not.toContain("Review Cache");
  await otherContext.close();

  // Signed out: to sign in, and back to the same review afterwards.
  const signedOut = await browser.newContext({ baseURL });
  const out = await signedOut.request.get("/review?lesson=x", { maxRedirects: 0 });
  expect(out.status()).toBe(307);
  expect(out.headers().location).toBe(`/signin?callbackUrl=${encodeURIComponent("/review?lesson=x")}`);
  await signedOut.close();

  // Without JavaScript the page says it needs it (a <noscript> message in the cached document: a
  // browser shows it when scripts are off; the test browser parses documents with scripting on).
  expect(docOne).toMatch(/<noscript>(?:(?!<\/noscript>).)*Reviewing needs JavaScript/s);
  expect(violations).toEqual([]);
});
