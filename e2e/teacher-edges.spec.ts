import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";

// Issue 13, item 3: the rough edges a teacher meets on the first day.

async function newStudent(browser: Browser, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/signup");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(`${name.toLowerCase().replace(/\W+/g, "-")}-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("a-long-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  return page;
}

/** Creates a class as the signed-in instructor; returns its URL and join code. */
async function createClass(page: Page, name: string): Promise<{ url: string; code: string }> {
  await page.goto("/instructor");
  await page.getByLabel("New class name").fill(name);
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page).toHaveURL(/\/instructor\/classes\/[^/]+$/);
  return { url: page.url(), code: (await page.getByTestId("join-code").textContent())!.trim() };
}

async function join(student: Page, code: string) {
  await student.goto("/classes");
  await student.getByLabel("Class code").fill(code);
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByText("You joined")).toBeVisible();
}

test("removing a student asks first, and the question works with the keyboard", async ({ page, browser, loginAs }) => {
  await loginAs("instructor");
  const { url, code } = await createClass(page, "Confirm 7C");
  const student = await newStudent(browser, "Eve Removable");
  await join(student, code);
  await student.context().close();

  await page.goto(url);
  const members = page.getByRole("region", { name: "Students" });
  await members.getByRole("button", { name: "Remove Eve Removable" }).click();
  // Nothing happened yet: a question, with the confirming button focused; Escape backs out.
  await expect(page.getByRole("group", { name: "Remove Eve Removable from the class?" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Yes, remove Eve Removable" })).toBeFocused();
  await expectAccessible(page);
  await page.keyboard.press("Escape");
  await expect(members.getByRole("button", { name: "Remove Eve Removable" })).toBeFocused();
  await page.reload();
  await expect(members.getByText("Eve Removable")).toBeVisible();

  await members.getByRole("button", { name: "Remove Eve Removable" }).press("Enter");
  await page.keyboard.press("Enter");
  await expect(page.getByText("No students yet")).toBeVisible();
});
