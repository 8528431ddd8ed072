import { demoAccount, expect, expectAccessible, signIn, test } from "./fixtures";
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
