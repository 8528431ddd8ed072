import { readFileSync } from "node:fs";
import type { Browser } from "@playwright/test";
import { expect, expectAccessible, signInAsInstructor, signUpNewStudent, test } from "./fixtures";
import { answerCurrentQuestion } from "./quiz-helpers";
import { sameSentencePair } from "./db-oracle";

// Issue 13, item 1, the instructor side: a teacher whose browser asks for Chinese gets every
// instructor screen in Chinese (dates in the class's time zone, plurals and percentages by locale),
// and the class CSV's headings in Chinese too. Students here use an English browser.
test.use({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });

/** A student with an English browser joins with the code and answers the assigned quiz, all wrong. */
async function studentTakesQuizWrong(browser: Browser, code: string) {
  const context = await browser.newContext({ locale: "en-US" });
  const student = await context.newPage();
  await signUpNewStudent(student, "Chen 学生");
  await student.goto("/classes");
  await student.getByLabel("Class code").fill(code);
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByText("You joined")).toBeVisible();
  await student.getByRole("button", { name: "Take the assigned quiz" }).click();
  await expect(student.locator("form[data-question-id]")).toBeVisible();
  const total = await student.locator('nav[aria-label="Questions"] li').count();
  for (let i = 0; i < total; i++) {
    await answerCurrentQuestion(student, false);
    if (i < total - 1) await student.getByRole("button", { name: "Next question" }).click();
  }
  await student.getByRole("button", { name: "See results" }).click();
  await expect(student).toHaveURL(/\/results$/);
  await context.close();
}

test("an instructor with a Chinese browser runs a class in Chinese", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const { lessonSlug, keep, retire } = sameSentencePair();
  await signInAsInstructor(page);

  // Dashboard and a new class: a missing name is refused next to the field, in Chinese.
  await page.goto("/instructor");
  await expect(page.getByRole("heading", { level: 1, name: "教师主页" })).toBeVisible();
  await page.getByRole("button", { name: "创建班级" }).click();
  await expect(page.locator("#name-error")).toHaveText("请填写班级名称。");
  await page.getByLabel("新班级名称").fill("物理 9C");
  await page.getByRole("button", { name: "创建班级" }).click();
  await expect(page).toHaveURL(/\/instructor\/classes\/[^/]+$/);
  const classUrl = page.url();
  const code = (await page.getByTestId("join-code").textContent())!.trim();
  await expect(page.getByTestId("class-time-zone")).toHaveText("截止日期以班级时区（Asia/Shanghai）的当天午夜为准。");
  await expect(page.getByText("还没有布置作业。")).toBeVisible();

  // Sectors are offered by their Chinese names (the sector list's nameZh), lessons by their own titles.
  const sectorNames = await page.getByLabel("课程或领域测验").locator('optgroup[label="领域"] option').allTextContents();
  expect(sectorNames.length).toBeGreaterThan(0);
  for (const name of sectorNames) expect(name).toMatch(/\p{Script=Han}/u);

  // A past due day is refused, in Chinese, next to the field; a later one is shown the Chinese way.
  await page.getByLabel("课程或领域测验").selectOption(`lesson:${lessonSlug}`);
  await page.getByLabel("截止日期（可选）").fill("2020-01-31");
  await page.getByRole("button", { name: "布置", exact: true }).click();
  await expect(page.locator("#dueAt-error")).toHaveText("在班级时区中这一天已经过去：请选择今天或之后的日期。");
  // The refused submit reset the form (React does, after an action): choose again.
  await page.getByLabel("课程或领域测验").selectOption(`lesson:${lessonSlug}`);
  await page.getByLabel("截止日期（可选）").fill("2030-06-30");
  await page.getByRole("button", { name: "布置", exact: true }).click();
  await expect(page.getByText("已布置。")).toBeVisible();
  await page.reload();
  const assignments = page.getByRole("region", { name: "作业", exact: true });
  await expect(assignments).toContainText("（课程，截止 2030年6月30日）");
  await expect(assignments.getByRole("button", { name: /^移除 / })).toBeVisible();

  await studentTakesQuizWrong(browser, code);

  // Class page: the table's chrome, plurals and statuses in Chinese.
  await page.goto(classUrl);
  const table = page.getByTestId("class-table");
  await expect(table.getByRole("columnheader", { name: "学生" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "最近活动" })).toBeVisible();
  await expect(table).toContainText("截止 2030年6月30日");
  const row = table.locator("tbody tr").filter({ hasText: "Chen 学生" });
  await expect(row).toContainText("已完成 · 1 次测验");
  await expect(row).toContainText("需要帮助：有作业成绩低于 60%");
  await expect(table.locator("tfoot")).toContainText("班级平均（首次完成的测验）");
  await expect(page.getByRole("region", { name: "学生", exact: true }).getByRole("button", { name: "移除 Chen 学生" })).toBeVisible();
  await page.getByRole("region", { name: "学生", exact: true }).getByRole("button", { name: "移除 Chen 学生" }).click();
  await expect(page.getByRole("group", { name: "将 Chen 学生 移出班级？" })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/zh-class.png", fullPage: true });
  await page.getByRole("button", { name: "取消" }).click();

  // The class table CSV: headings in the interface's language, values as stored.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "班级表格" }).click();
  const csv = readFileSync((await (await downloading).path())!, "utf8").replace(/^\uFEFF/, "");
  const header = csv.split("\r\n")[0];
  expect(header.startsWith("学生编号,姓名,邮箱,最近活动,需要帮助,")).toBe(true);
  expect(header).toContain(`${lessonSlug}_成绩`);

  // Drill-down: answers and the attempt's heading in Chinese.
  await table.getByRole("link", { name: "Chen 学生" }).click();
  await expect(page.getByTestId("student-answer").first()).toContainText(/错误 · 作答：.+ · 答案：/);
  await expect(page.getByRole("heading", { level: 2 }).first()).toContainText("课程");
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/zh-student.png", fullPage: true });

  // Heatmap: heading, legend (five bands, none for 0%) and the most-missed note.
  await page.goto(classUrl);
  await page.getByRole("link", { name: /^原文热力图：/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("全班错在哪里：");
  const legend = page.getByRole("list", { name: "图例" });
  await expect(legend.getByRole("listitem")).toHaveCount(5);
  await expect(legend.getByRole("listitem").first()).toHaveText("错误率 0%（或无人作答）");
  await expect(legend.getByRole("listitem").last()).toHaveText("错误率 76–100%");
  await expect(page.getByText(/错得最多的句子：\d+ 次作答中错误率 100%。/)).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/zh-heatmap.png", fullPage: true });

  // Statistics for the class: columns, the export form (its strings are messages too).
  await page.goto(classUrl);
  await page.getByRole("link", { name: "本班题目统计" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "题目统计（本班）" })).toBeVisible();
  const stats = page.getByTestId("question-stats");
  for (const column of ["导出", "题目", "作答数", "通过率", "区分度", "各选项比例", "标记", "审核"]) {
    await expect(stats.getByRole("columnheader", { name: column, exact: true })).toBeVisible();
  }
  await expect(stats.getByRole("button", { name: "停用" }).first()).toBeVisible();
  await expect(page.getByRole("region", { name: "导出题目" }).getByRole("button", { name: "下载" })).toBeVisible();
  await expect(page.getByLabel("格式")).toContainText("GIFT（Moodle，纯文本）");
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/zh-statistics.png", fullPage: true });

  // Question review (a question the English instructor spec leaves alone): scope text, a refused
  // edit next to its field, a saved one, and the change log.
  const hrefs = await stats.locator('th[scope="row"] a').evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  const other = hrefs.find((h) => ![keep, retire].some((id) => h.endsWith(`/${encodeURIComponent(id)}`)))!;
  await page.goto(other);
  await expect(page.getByRole("heading", { level: 1, name: "审核一道生成的题目" })).toBeVisible();
  await expect(page.locator("#edit-scope")).toContainText("本页的修改（编辑、停用）适用于仅限你自己的班级");
  const stem = page.locator("#stem");
  const original = (await stem.inputValue()).trim();
  await stem.fill("abc");
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.locator("#stem-error")).toHaveText("题目至少需要 5 个字符。");
  await stem.fill(`${original} [已审核]`);
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已为仅限你自己的班级" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("region", { name: "修改记录" })).toContainText("修改了题干");
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/zh-review.png", fullPage: true });
});
