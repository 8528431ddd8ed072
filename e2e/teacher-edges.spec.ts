import type { Page } from "@playwright/test";
import { expect, expectAccessible, newStudent, test } from "./fixtures";

// Issue 13, item 3: the rough edges a teacher meets on the first day.


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
  await page.screenshot({ path: "test-results/teacher-remove-confirm.png", fullPage: true });
  await page.keyboard.press("Escape");
  await expect(members.getByRole("button", { name: "Remove Eve Removable" })).toBeFocused();
  await page.reload();
  await expect(members.getByRole("listitem")).toHaveCount(1);

  await members.getByRole("button", { name: "Remove Eve Removable" }).press("Enter");
  await page.keyboard.press("Enter");
  await expect(page.getByText("No students yet")).toBeVisible();
});

test("a class without students lists its assignments, which can be re-dated and removed; students see titles", async ({ page, browser, loginAs }) => {
  await loginAs("instructor");
  const { url, code } = await createClass(page, "Assignments 7D");
  const lesson = page.locator('#target optgroup[label="Lessons"] option').first();
  const [value, title] = [(await lesson.getAttribute("value"))!, (await lesson.textContent())!.trim()];
  await page.getByLabel("Lesson or sector quiz").selectOption(value);
  await page.getByLabel("Due date (optional)").fill("2030-06-30");
  await page.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByText("Assigned.")).toBeVisible();

  await page.goto(url);
  const assignments = page.getByRole("region", { name: "Assignments" });
  await expect(assignments.getByText(title, { exact: true })).toBeVisible();
  await expect(assignments).toContainText("due Jun 30, 2030");
  await assignments.getByLabel(`Due date for ${title}`).fill("2030-07-15");
  await assignments.getByRole("button", { name: "Save due date" }).click();
  await expect(assignments.getByText("Due date saved.")).toBeVisible();
  await page.reload();
  await expect(assignments).toContainText("due Jul 15, 2030");
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/teacher-assignments.png", fullPage: true });

  // A student sees the lesson's title, not its slug.
  const student = await newStudent(browser, "Fay Reader");
  await join(student, code);
  await expect(student.getByRole("link", { name: `Lesson: ${title}` })).toBeVisible();
  await student.screenshot({ path: "test-results/teacher-student-classes.png", fullPage: true });
  await expect(student.getByText(value.slice("lesson:".length), { exact: false })).toHaveCount(0);
  await student.context().close();

  // The lesson's heatmap explains its shades; with no answers nothing is tinted.
  await page.getByRole("link", { name: `Source heatmap: ${title}` }).click();
  const legend = page.getByRole("list", { name: "Legend" });
  await expect(legend.getByRole("listitem")).toHaveCount(5);
  await expect(legend).toContainText("76–100% wrong");
  await expect(page.getByTestId("heatmap").locator("span[style]")).toHaveCount(0);
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/teacher-heatmap.png", fullPage: true });
  await page.goto(url);

  await assignments.getByRole("button", { name: `Remove ${title}` }).click();
  await page.getByRole("button", { name: "Yes, remove the assignment" }).click();
  await expect(assignments.getByText("Nothing assigned yet.")).toBeVisible();
});

test.describe("due dates in the class's time zone", () => {
  test.use({ timezoneId: "Asia/Shanghai" });

  test("a class takes its teacher's time zone, and a due day already over is refused next to the field", async ({ page, loginAs }) => {
    await loginAs("instructor");
    const { url } = await createClass(page, "Zoned 8A");
    await expect(page.getByTestId("class-time-zone")).toContainText("Asia/Shanghai");
    const lesson = page.locator('#target optgroup[label="Lessons"] option').first();
    await page.getByLabel("Lesson or sector quiz").selectOption((await lesson.getAttribute("value"))!);
    await page.getByLabel("Due date (optional)").fill("2020-01-31");
    await page.getByRole("button", { name: "Assign" }).click();
    await expect(page.locator("#dueAt-error")).toHaveText(/already over/);
    await expect(page.getByLabel("Due date (optional)")).toHaveAccessibleDescription(/already over/);
    await page.screenshot({ path: "test-results/teacher-past-due.png", fullPage: true });
    await page.goto(url);
    await expect(page.getByText("Nothing assigned yet.")).toBeVisible();

    await page.getByLabel("Lesson or sector quiz").selectOption((await lesson.getAttribute("value"))!);
    await page.getByLabel("Due date (optional)").fill("2030-06-30");
    await page.getByRole("button", { name: "Assign" }).click();
    await expect(page.getByText("Assigned.")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("region", { name: "Assignments" })).toContainText("due Jun 30, 2030");
    await expectAccessible(page);
  });
});
