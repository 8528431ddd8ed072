import { devices } from "@playwright/test";
import { demoAccount, expect, expectAccessible, signIn, signUpNewStudent, test } from "./fixtures";
import { lessonSlugs } from "./db-oracle";

test("a signed-out visitor reads the lesson list and a shared lesson, but quizzes and progress need sign-in @phone", async ({ page }) => {
  const slug = lessonSlugs("en")[0]!;
  expect((await page.request.get("/lessons", { maxRedirects: 0 })).status()).toBe(200);
  expect((await page.request.get(`/lessons/${slug}`, { maxRedirects: 0 })).status()).toBe(200);

  await page.goto("/lessons");
  await expect(page).toHaveURL(/\/lessons$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator(`a[href="/lessons/${slug}"]`)).toBeVisible();
  await expect(page.getByRole("button", { name: /Quiz on this/ })).toHaveCount(0);
  await expectAccessible(page);

  await page.locator(`a[href="/lessons/${slug}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/lessons/${slug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator("article p").nth(2)).toBeVisible();
  await expect(page.getByRole("button", { name: /Quiz on this lesson/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /figures only/i })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add to my reviews" })).toHaveCount(0);
  const signInLink = page.getByRole("link", { name: "Sign in to take a quiz" });
  await expect(signInLink).toBeVisible();
  await expectAccessible(page);

  // Everything else still sends a visitor to sign in: a quiz, progress, reviews.
  for (const path of ["/quiz/some-attempt", "/dashboard", "/review"]) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    expect(response.headers()["location"], path).toContain("/signin?callbackUrl=");
  }

  // The link brings the reader back to the lesson, now with its quiz.
  await signInLink.click();
  await expect(page).toHaveURL(new RegExp(`/signin\\?callbackUrl=%2Flessons%2F${slug}$`));
  const student = demoAccount("student");
  await signIn(page, student.email, student.password);
  await expect(page).toHaveURL(new RegExp(`/lessons/${slug}$`));
  await expect(page.getByRole("button", { name: /Quiz on this lesson/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Add to my reviews" })).toBeVisible();
});

test("the lesson list and lessons are in Chinese for a Chinese browser, signed out", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, locale: "zh-CN", extraHTTPHeaders: { "Accept-Language": "zh-CN,zh;q=0.9" } });
  const page = await context.newPage();
  await page.goto(`/lessons/${lessonSlugs("en")[0]}`);
  await expect(page.getByRole("link", { name: "登录后即可做测验" })).toBeVisible();
  await expectAccessible(page);
  await context.close();
});

test.describe("on a phone", () => {
  const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = devices["Pixel 7"];
  test.use({ viewport, userAgent, deviceScaleFactor, isMobile, hasTouch });

  test("the Check answer button stays on screen under the tallest question @phone", async ({ page }) => {
    await signUpNewStudent(page);
    await page.goto(`/lessons/${lessonSlugs("en")[0]}`);
    await page.getByRole("button", { name: /Quiz on this lesson/ }).click();
    await expect(page).toHaveURL(/\/quiz\/[^/]+$/);
    const nav = page.getByRole("navigation", { name: /questions/i }).getByRole("button");
    const count = await nav.count();
    // The question that reaches furthest down the page: the longest stem, or the tallest answer controls.
    let tallest = { index: 0, bottom: -1, stem: 0 };
    for (let i = 0; i < count; i++) {
      await nav.nth(i).click();
      await page.evaluate(() => window.scrollTo(0, 0));
      const stem = (await page.locator("#question-stem").textContent())!.length;
      const bottom = await page.locator("form[data-question-id]").evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY);
      if (bottom > tallest.bottom) tallest = { index: i, bottom, stem };
    }
    await nav.nth(tallest.index).click();
    await page.evaluate(() => window.scrollTo(0, 0));
    const size = page.viewportSize()!;
    console.log(`tallest question: stem ${tallest.stem} chars, its form ends ${Math.round(tallest.bottom)} px down; viewport ${size.height} px`);
    await page.screenshot({ path: test.info().outputPath("phone-quiz-tallest.png") });
    const check = page.getByRole("button", { name: "Check answer" });
    await expect(check).toBeVisible();
    // Below the sm breakpoint the button's row sticks to the bottom of the screen.
    expect(await check.evaluate((el) => getComputedStyle(el.parentElement!).position)).toBe("sticky");
    const box = (await check.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(size.height);
    expect(box.x + box.width).toBeLessThanOrEqual(size.width);
    await expectAccessible(page);
  });
});
