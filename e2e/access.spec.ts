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
