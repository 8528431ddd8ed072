import { expect, expectAccessible, signIn, test } from "./fixtures";

test("a new student signs up, signs out and signs in again @phone", async ({ page }) => {
  const email = `student-${Date.now()}@example.com`;
  await page.goto("/signup");
  await expectAccessible(page);
  await page.getByLabel("Name").fill("Zhang Min 张敏");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-long-password");
  await page.getByRole("button", { name: "Create account" }).click();

  const who = page.getByTestId("signed-in-as");
  await expect(who).toContainText("Zhang Min 张敏");
  await expect(who).toContainText("Student");
  await expectAccessible(page);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(who).toHaveCount(0);

  await page.getByRole("link", { name: "Sign in" }).click();
  await expectAccessible(page);
  await signIn(page, email, "a-long-password");
  await expect(who).toContainText("Zhang Min 张敏");
});

test("bad sign-up input shows a message next to each field and stores nothing", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Someone");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#email-error")).toHaveText(/valid email address/);
  await expect(page.locator("#password-error")).toHaveText(/at least 10 characters/);
  await expect(page.getByLabel("Name")).toHaveValue("Someone");
  await expectAccessible(page);

  // The email of an existing account is refused next to the email field.
  await page.getByLabel("Email").fill("student@example.com");
  await page.getByLabel("Password").fill("a-long-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#email-error")).toHaveText(/already exists/);
  await expect(page.locator("#password-error")).toHaveText("");
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
});

test("a wrong password is refused without saying which part was wrong", async ({ page }) => {
  await page.goto("/signin");
  await signIn(page, "student@example.com", "not-the-password");
  await expect(page.locator("#signin-error")).toHaveText("The email or password is not right.");
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
});
