import { expect, expectAccessible, demoAccount, signIn, test } from "./fixtures";

test("a signed-out visitor is sent to sign in and brought back to the instructor page", async ({ page }) => {
  await page.goto("/instructor");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Finstructor$/);
  await expectAccessible(page);
  const instructor = demoAccount("instructor");
  await signIn(page, instructor.email, instructor.password);
  await expect(page).toHaveURL(/\/instructor$/);
  await expect(page.getByRole("heading", { name: "Instructor dashboard" })).toBeVisible();
});

test("the demo instructor reaches /instructor", async ({ page, loginAs }) => {
  await loginAs("instructor");
  await expect(page.getByTestId("signed-in-as")).toContainText("Instructor");
  await page.getByRole("link", { name: "Instructor", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Instructor dashboard" })).toBeVisible();
  await expectAccessible(page);
});

test("a student gets a 403 page at /instructor @phone", async ({ page, loginAs }) => {
  await loginAs("student");
  await expect(page.getByRole("link", { name: "Instructor", exact: true })).toHaveCount(0);
  const response = await page.goto("/instructor");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: /403/ })).toBeVisible();
  await expectAccessible(page);
});

test("the home page is accessible signed out @phone", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page);
});

test("review pages send a signed-out visitor to sign in, and the answer endpoints refuse strangers", async ({ page, loginAs, baseURL }) => {
  for (const path of ["/review", "/review/stats", "/review/settings"]) {
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`/signin\\?callbackUrl=${encodeURIComponent(path).replace(/\//g, "%2F")}$`));
  }
  const answer = { attemptId: "any", questionId: "any", answer: { kind: "bool", value: true }, timeTakenMs: 1 };
  const review = { cardId: "any", version: 0, questionId: "any", answer: { kind: "bool", value: true }, durationMs: 1 };
  // Signed out: 401 with a message, nothing else.
  for (const [url, data] of [["/api/quiz/answers", answer], ["/api/review/answers", review]] as const) {
    const response = await page.request.post(url, { data });
    expect(response.status(), url).toBe(401);
    expect(await response.json()).toEqual({ ok: false, error: "Your session has ended. Sign in again to continue." });
  }
  // Signed in: another site's page cannot post for the user; an attempt or card not theirs is "not found".
  await loginAs("student");
  const crossSite = await page.request.post("/api/quiz/answers", { data: answer, headers: { origin: "https://elsewhere.example" } });
  expect(crossSite.status()).toBe(403);
  const notForm = await page.request.post("/api/quiz/answers", { data: JSON.stringify(answer), headers: { "content-type": "text/plain", origin: baseURL! } });
  expect(notForm.status()).toBe(415);
  expect((await page.request.post("/api/quiz/answers", { data: answer })).status()).toBe(404);
  expect((await page.request.post("/api/review/answers", { data: review })).status()).toBe(404);
  const bad = await page.request.post("/api/review/answers", { data: { ...review, version: -1 } });
  expect(bad.status()).toBe(400);
});
