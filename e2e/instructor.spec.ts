import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, newStudent, test } from "./fixtures";
import { answerCurrentQuestion } from "./quiz-helpers";
import { questionPayload, sameSentencePair } from "./db-oracle";


/** Takes the quiz on screen, answering every question (right when `right`), and returns the stems seen. */
async function takeWholeQuiz(page: Page, right: (i: number) => boolean): Promise<string[]> {
  await expect(page.locator("form[data-question-id]")).toBeVisible();
  const total = await page.locator('nav[aria-label="Questions"] li').count();
  const stems: string[] = [];
  for (let i = 0; i < total; i++) {
    stems.push((await page.locator("#question-stem").textContent()) ?? "");
    await answerCurrentQuestion(page, right(i));
    if (i < total - 1) await page.getByRole("button", { name: "Next question" }).click();
  }
  await page.getByRole("button", { name: "See results" }).click();
  await expect(page).toHaveURL(/\/results$/);
  return stems;
}

test("an instructor runs a class: students join and take the assignment, the instructor tracks, exports and reviews", async ({ page, browser, loginAs }) => {
  test.setTimeout(240_000);
  const { lessonSlug, keep, retire } = sameSentencePair();

  await loginAs("instructor");
  await page.goto("/instructor");
  await page.getByLabel("New class name").fill("Economics 经济学 7B");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page).toHaveURL(/\/instructor\/classes\/[^/]+$/);
  const classUrl = page.url();
  const code = (await page.getByTestId("join-code").textContent())!.trim();
  await page.getByLabel("Lesson or sector quiz").selectOption(`lesson:${lessonSlug}`);
  await page.getByLabel("Due date (optional)").fill("2030-06-30");
  await page.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByText("Assigned.")).toBeVisible();
  await expectAccessible(page);

  // Two students join with the code and take the assigned quiz: one does well, one badly.
  for (const [name, right] of [["Ana Student", () => true], ["Bo 学生", (i: number) => i % 3 === 0]] as const) {
    const student = await newStudent(browser, name);
    await student.goto("/classes");
    await student.getByLabel("Class code").fill(code.toLowerCase());
    await student.getByRole("button", { name: "Join class" }).click();
    await expect(student.getByText("You joined Economics")).toBeVisible();
    await expectAccessible(student);
    await student.getByRole("button", { name: "Take the assigned quiz" }).click();
    await takeWholeQuiz(student, right);
    await student.context().close();
  }

  // Both appear in the table, with scores; the weaker one needs help.
  await page.goto(classUrl);
  const table = page.getByTestId("class-table");
  await expect(table.getByRole("link", { name: "Ana Student" })).toBeVisible();
  await expect(table.getByRole("link", { name: "Bo 学生" })).toBeVisible();
  await expect(table.locator("tbody tr").filter({ hasText: "Ana Student" })).toContainText("100%");
  await page.getByLabel("Only students who need help").check();
  await expect(table.getByRole("link", { name: "Ana Student" })).toHaveCount(0);
  await expect(table.getByRole("link", { name: "Bo 学生" })).toBeVisible();
  await page.getByLabel("Only students who need help").uncheck();
  await expectAccessible(page);

  // Drill-down: every answer, wrong ones with their source.
  await table.getByRole("link", { name: "Bo 学生" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Bo 学生");
  await expect(page.getByText("Wrong").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "source" }).first()).toBeVisible();
  // What the student answered, as text next to the key (issue 13): never the stored JSON.
  const answers = page.getByTestId("student-answer");
  await expect(answers.first()).toContainText(/answered: .+ · key: /);
  expect((await answers.allTextContents()).join("\n")).not.toContain('"kind"');
  await page.screenshot({ path: "test-results/teacher-drilldown.png", fullPage: true });
  await expectAccessible(page);

  // Question statistics and the heatmap.
  await page.goto(classUrl);
  await page.getByRole("link", { name: "Question statistics for this class" }).click();
  await expect(page.getByTestId("question-stats").locator("tbody tr").first()).toBeVisible();
  await expectAccessible(page);
  await page.goto(classUrl);
  await page.getByRole("link", { name: /Source heatmap/ }).click();
  await expect(page.getByTestId("heatmap").locator("[data-miss-rate]").first()).toBeVisible();
  await expectAccessible(page);

  // CSV export: a real download, UTF-8 with a BOM, one row per student, Chinese intact.
  await page.goto(classUrl);
  const download = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "class table" }).click()]).then(([d]) => d);
  const csv = readFileSync((await download.path())!, "utf8");
  expect(download.suggestedFilename()).toMatch(/table\.csv$/);
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toContain("student_id");
  expect(lines).toHaveLength(3);
  expect(csv).toContain("Bo 学生");
  const responses = await page.request.get(`${classUrl}/export/responses`);
  const responseLines = (await responses.text()).split("\r\n").filter(Boolean);
  expect(responseLines.length).toBeGreaterThan(3);
  expect(responseLines[0]).toContain(",answer,answer_raw,");

  // Review: edit one question, retire another (on the same sentence, so the edited one is the only one left there).
  await page.goto(`/instructor/questions/${encodeURIComponent(keep)}`);
  await expectAccessible(page);
  const editedStem = `${questionPayload(keep).stem as string} [reviewed]`;
  await page.getByLabel("Question").fill(editedStem);
  // The edit is the instructor's own: the page and the save message say whom it reaches (issue 11, finding 5).
  await expect(page.locator("#edit-scope")).toContainText("your own classes only");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved for your own classes only")).toBeVisible();
  await page.reload();
  await expect(page.getByText(/changed stem/)).toBeVisible();
  await page.goto(`/instructor/questions/${encodeURIComponent(retire)}`);
  await page.getByRole("button", { name: "Retire this question" }).click();
  await expect(page.getByRole("button", { name: "Restore this question" })).toBeVisible();

  /** Opens a lesson quiz and returns the ids and stems of all its questions. */
  async function lessonQuiz(student: Page) {
    await student.goto(`/lessons/${lessonSlug}`);
    await student.getByRole("button", { name: /Quiz on this lesson/ }).click();
    await expect(student.locator("form[data-question-id]")).toBeVisible();
    const ids: string[] = [];
    const stems: string[] = [];
    const total = await student.locator('nav[aria-label="Questions"] li').count();
    for (let i = 0; i < total; i++) {
      await student.getByRole("button", { name: new RegExp(`^Question ${i + 1},`) }).click();
      ids.push((await student.locator("form[data-question-id]").getAttribute("data-question-id"))!);
      stems.push((await student.locator("#question-stem").textContent())!);
    }
    return { ids, stems };
  }

  // A new student of the class sees the edit and not the retired question.
  const fresh = await newStudent(browser, "Cy Newcomer");
  await fresh.goto("/classes");
  await fresh.getByLabel("Class code").fill(code);
  await fresh.getByRole("button", { name: "Join class" }).click();
  await expect(fresh.getByText("You joined Economics")).toBeVisible();
  const member = await lessonQuiz(fresh);
  expect(member.ids).not.toContain(retire);
  expect(member.ids).toContain(keep);
  expect(member.stems).toContain(editedStem);

  // A student in no class (the shared bank) never sees this instructor's edit.
  const outsider = await lessonQuiz(await newStudent(browser, "Di Outsider"));
  expect(outsider.stems).not.toContain(editedStem);
});

