import { devices } from "@playwright/test";
import { expect, expectAccessible, signUpNewStudent, test } from "./fixtures";
import { lessonSlugs } from "./db-oracle";

// The phone project (Pixel 7, 412 px) runs the tests tagged @phone, and the desktop project runs
// every test (playwright.config.ts): these set the phone themselves, so both projects check a phone.
const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = devices["Pixel 7"];
test.use({ viewport, userAgent, deviceScaleFactor, isMobile, hasTouch });

test("on a phone the header is one row and its menu opens with the keyboard @phone", async ({ page }) => {
  await signUpNewStudent(page);
  await page.goto("/lessons");
  const header = page.locator("header").first();
  const height = await header.evaluate((el) => el.getBoundingClientRect().height);
  console.log(`phone header height signed in: ${height} px`);
  expect(height).toBeLessThanOrEqual(64);

  const menu = page.getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("link", { name: "Progress", exact: true })).toBeHidden();
  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("link", { name: "Progress", exact: true })).toBeVisible();
  await expectAccessible(page);

  // Escape closes it and gives the focus back to the button; Space opens it again.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  await page.keyboard.press("Space");
  await expect(menu).toHaveAttribute("aria-expanded", "true");

  // Tab goes from the button into the links; Enter follows one, and the menu closes behind it.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Lessons", exact: true })).toBeFocused();
  await page.getByRole("link", { name: "Progress", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Your progress" })).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  expect(await header.evaluate((el) => el.getBoundingClientRect().height)).toBeLessThanOrEqual(64);
});

test("on a phone the dashboard's lessons are cards with labelled values and nothing scrolls sideways @phone", async ({ page }) => {
  await signUpNewStudent(page);
  await page.goto("/dashboard");
  const row = page.getByTestId(`lesson-row-${lessonSlugs("en")[0]}`);
  await expect(row).toBeVisible();

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // Every value is on screen, under its column's name (drawn from data-label, as the header row is hidden).
  const viewport = page.viewportSize()!;
  const cells = row.locator("td");
  await expect(cells).toHaveCount(5);
  await expect(cells.nth(3)).toHaveText("0"); // quizzes taken by a new student
  const labels: string[] = [];
  for (let i = 0; i < 5; i++) {
    const cell = cells.nth(i);
    await expect(cell).toBeVisible();
    const box = (await cell.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    labels.push(await cell.evaluate((el) => {
      const label = getComputedStyle(el, "::before");
      return label.display === "none" ? "(hidden)" : label.content;
    }));
  }
  expect(labels).toEqual(['"Mastery"', '"Best"', '"Last"', '"Quizzes"', '"Time"']);
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/phone-dashboard.png", fullPage: true });
});

test.describe("on a desktop", () => {
  test.use({ viewport: devices["Desktop Chrome"].viewport, userAgent: devices["Desktop Chrome"].userAgent, isMobile: false, hasTouch: false, deviceScaleFactor: 1 });

  test("the header shows its links in one row with no menu button, and the dashboard is a table", async ({ page }) => {
    await signUpNewStudent(page);
    await page.goto("/dashboard");
    await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
    for (const name of ["Lessons", "Sectors", "Progress", "Review", "Classes"]) {
      await expect(page.locator("header").getByRole("link", { name, exact: true })).toBeVisible();
    }
    expect(await page.locator("header").evaluate((el) => el.getBoundingClientRect().height)).toBeLessThanOrEqual(64);
    await expect(page.getByRole("columnheader", { name: "Quizzes" })).toBeVisible();
    const cell = page.getByTestId(`lesson-row-${lessonSlugs("en")[0]}`).locator("td").nth(3);
    expect(await cell.evaluate((el) => getComputedStyle(el).display)).toBe("table-cell");
    await page.screenshot({ path: "test-results/desktop-dashboard.png" });
  });
});
