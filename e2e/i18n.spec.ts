import type { Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test } from "./fixtures";
import { lessonSlugs, questionPayload, userLocale } from "./db-oracle";
import { answerCurrentQuestion, type QuizLabels } from "./quiz-helpers";

// The student flow in each interface language, chosen by the browser's Accept-Language
// (decisions/0025). Each walks a lesson in the other language, so the page's `lang` and the
// lesson's and questions' own `lang` differ and both are checked.

interface Chrome {
  browserLocale: string;
  htmlLang: string;
  lessonLanguage: "en" | "zh";
  nav: { lessons: string; progress: string; review: string; signOut: string };
  signUp: { heading: string; name: string; email: string; password: string; submit: string; nameError: string; passwordError: string };
  quiz: QuizLabels & { lessonButton: RegExp; sectorButton: RegExp; questionsNav: string; questionOf: (n: number, total: number) => string; nextQuestion: string; skip: string; finishNow: RegExp; finishOrResults: RegExp; readInLesson: string };
  results: { heading: string; score: RegExp; notAnswered: string; yourAnswer: string };
  review: { heading: string; added: RegExp; addButton: string; rated: RegExp; next: string };
  dashboard: { heading: string; chart: string; sectorAnswers: RegExp; one: string; many: string; day: RegExp };
}

const CHROME: Chrome[] = [
  {
    browserLocale: "en-US",
    htmlLang: "en",
    lessonLanguage: "zh",
    nav: { lessons: "Lessons", progress: "Progress", review: "Review", signOut: "Sign out" },
    signUp: {
      heading: "Create a student account",
      name: "Name",
      email: "Email",
      password: "Password",
      submit: "Create account",
      nameError: "Enter your name.",
      passwordError: "Use at least 10 characters.",
    },
    quiz: {
      yourAnswer: "Your answer",
      checkAnswer: "Check answer",
      moveUp: (item) => `Move “${item}” up`,
      correct: "Correct",
      wrong: "Not quite",
      lessonButton: /^Quiz on this lesson \(\d+ questions?\)$/,
      sectorButton: /^Quiz on (.+) \(\d+ questions?\)$/,
      questionsNav: "Questions",
      questionOf: (n, total) => `Question ${n} of ${total}`,
      nextQuestion: "Next question",
      skip: "Skip for now",
      finishNow: /^Finish now \(\d+ unanswered\)$/,
      finishOrResults: /^(Finish now \(\d+ unanswered\)|See results)$/,
      readInLesson: "Read it in the lesson",
    },
    results: { heading: "Your results", score: /^1 of \d+ correct \(\d+%\)$/, notAnswered: "Not answered", yourAnswer: "Your answer" },
    review: { heading: "Review", added: /Added \d+ facts? from the lesson|already in your reviews/, addButton: "Add to my reviews", rated: /^Rated (Good|Again): this card comes back in \d+ (minutes?|hours?|days?)\.$/, next: "Next card" },
    dashboard: { heading: "Your progress", chart: "Scores over time", sectorAnswers: /\((\d+) (answers?)\)/, one: "answer", many: "answers", day: /^[A-Z][a-z]{2} \d{1,2}, \d{4}$/ },
  },
  {
    browserLocale: "zh-CN",
    htmlLang: "zh-CN",
    lessonLanguage: "en",
    nav: { lessons: "课程", progress: "进度", review: "复习", signOut: "退出登录" },
    signUp: {
      heading: "创建学生账号",
      name: "名字",
      email: "电子邮件",
      password: "密码",
      submit: "创建账号",
      nameError: "请输入你的名字。",
      passwordError: "至少需要 10 个字符。",
    },
    quiz: {
      yourAnswer: "你的答案",
      checkAnswer: "检查答案",
      moveUp: (item) => `将“${item}”上移`,
      correct: "正确",
      wrong: "不太对",
      lessonButton: /^本课测验（\d+ 道题）$/,
      sectorButton: /^(.+)测验（\d+ 道题）$/,
      questionsNav: "题目",
      questionOf: (n, total) => `第 ${n} 题，共 ${total} 题`,
      nextQuestion: "下一题",
      skip: "暂时跳过",
      finishNow: /^现在结束（\d+ 题未答）$/,
      finishOrResults: /^(现在结束（\d+ 题未答）|查看结果)$/,
      readInLesson: "在课程中查看",
    },
    results: { heading: "你的结果", score: /^答对 1 题，共 \d+ 题（\d+%）$/, notAnswered: "未作答", yourAnswer: "你的答案" },
    review: { heading: "复习", added: /已将课程中的 \d+ 个知识点|已经在你的复习中/, addButton: "加入我的复习", rated: /^评为(良好|重来)：这张卡片将在\d+ (分钟|小时|天)后再次出现。$/, next: "下一张" },
    dashboard: { heading: "我的进度", chart: "成绩变化", sectorAnswers: /（(\d+) (个回答)）/, one: "个回答", many: "个回答", day: /^\d{4}年\d{1,2}月\d{1,2}日$/ },
  },
];

/**
 * After "Check answer", the question's source sentence is shown once: in the stem or in the
 * feedback's quote, never again in the explanation under it.
 */
async function expectSourceOnce(page: Page, questionId: string, readInLesson: string) {
  const quote = (questionPayload(questionId).source as { quote: string }).quote;
  const panel = page.getByRole("status").filter({ has: page.getByRole("link", { name: readInLesson }) });
  const shown = `${await page.locator("#question-stem").innerText()}\n${await panel.innerText()}`;
  expect(shown.split(quote).length - 1, shown).toBe(1);
}

for (const c of CHROME) {
  test.describe(`the student flow with the browser in ${c.browserLocale}`, () => {
    test.use({ locale: c.browserLocale });

    test(`sign-up, lesson, quiz, results, review and progress are in the interface language; lesson and questions keep theirs @phone`, async ({ page, isMobile }) => {
      test.setTimeout(180_000);
      const html = page.locator("html");

      // Sign-up: errors next to their fields, worded by the server in this language.
      await page.goto("/signup");
      await expect(html).toHaveAttribute("lang", c.htmlLang);
      await expect(page.getByRole("heading", { level: 1, name: c.signUp.heading })).toBeVisible();
      await page.getByLabel(c.signUp.email).fill(`i18n-${c.browserLocale}-${Date.now()}@example.com`);
      await page.getByLabel(c.signUp.password).fill("short");
      await page.getByRole("button", { name: c.signUp.submit }).click();
      await expect(page.locator("#name-error")).toHaveText(c.signUp.nameError);
      await expect(page.locator("#password-error")).toHaveText(c.signUp.passwordError);
      await expectAccessible(page);
      await page.getByLabel(c.signUp.name).fill("Student 学生");
      await page.getByLabel(c.signUp.password).fill("a-long-password");
      await page.getByRole("button", { name: c.signUp.submit }).click();
      await expect(page.getByTestId("signed-in-as")).toBeVisible();
      if (isMobile) await page.locator("header").getByRole("button", { name: c.browserLocale === "zh-CN" ? "菜单" : "Menu" }).click();
      for (const name of [c.nav.lessons, c.nav.progress, c.nav.review]) await expect(page.locator("header").getByRole("link", { name, exact: true })).toBeVisible();
      await expect(page.getByRole("button", { name: c.nav.signOut })).toBeVisible();

      // The lesson: its text in its own language, the chrome around it in the interface's.
      const slug = lessonSlugs(c.lessonLanguage)[0];
      await page.goto(`/lessons/${slug}`);
      await expect(html).toHaveAttribute("lang", c.htmlLang);
      await expect(page.locator("article")).toHaveAttribute("lang", c.lessonLanguage);
      await expectAccessible(page);

      // The quiz: chrome in the interface's language, the stem in the lesson's.
      await page.getByRole("button", { name: c.quiz.lessonButton }).click();
      const stem = page.locator("#question-stem");
      await expect(stem).toHaveAttribute("lang", c.lessonLanguage);
      const total = await page.getByRole("navigation", { name: c.quiz.questionsNav }).locator("li").count();
      expect(total).toBeGreaterThanOrEqual(3);
      await expect(page.getByText(c.quiz.questionOf(1, total), { exact: true })).toBeVisible();
      const first = await answerCurrentQuestion(page, true, c.quiz);
      await expect(page.getByRole("link", { name: c.quiz.readInLesson })).toBeVisible();
      await expectSourceOnce(page, first.id, c.quiz.readInLesson);
      await expectAccessible(page);
      await page.getByRole("button", { name: c.quiz.nextQuestion }).click();
      await expect(page.getByText(c.quiz.questionOf(2, total), { exact: true })).toBeVisible();
      const second = await answerCurrentQuestion(page, false, c.quiz);
      await expectSourceOnce(page, second.id, c.quiz.readInLesson);
      await page.getByRole("button", { name: c.quiz.nextQuestion }).click();
      await expect(page.getByRole("button", { name: c.quiz.skip })).toBeVisible();
      await page.getByRole("button", { name: c.quiz.finishNow }).click();

      // Results: the score sentence, and the items' chrome, in the interface's language.
      await expect(page).toHaveURL(/\/results$/);
      await expect(page.getByRole("heading", { level: 1, name: c.results.heading })).toBeVisible();
      await expect(page.getByTestId("score")).toHaveText(c.results.score);
      await expect(page.getByText(c.results.notAnswered).first()).toBeVisible();
      await expect(page.locator("dt").filter({ hasText: c.results.yourAnswer }).first()).toBeVisible();
      await expect(page.locator("ol > li h2").first()).toHaveAttribute("lang", c.lessonLanguage);
      await expectAccessible(page);

      // Review: the missed fact is a card; study the lesson too, then answer one card.
      await page.goto(`/lessons/${slug}`);
      await page.getByRole("button", { name: c.review.addButton }).click();
      await expect(page.getByRole("heading", { level: 1, name: c.review.heading })).toBeVisible();
      await expect(page.getByRole("status").filter({ hasText: c.review.added })).toBeVisible();
      await answerCurrentQuestion(page, true, c.quiz);
      await expect(page.getByTestId("review-rating")).toHaveText(c.review.rated);
      await expect(page.getByRole("button", { name: c.review.next })).toBeVisible();
      await expectAccessible(page);

      // A sector quiz with one answer: the sector's line on the progress page counts it with the
      // right plural form ("1 answer", "2 answers"; Chinese has one form).
      await page.goto("/sectors");
      const sector = page.locator("li[id]").filter({ has: page.getByRole("button", { name: c.quiz.sectorButton }) }).first();
      const sectorId = (await sector.getAttribute("id"))!;
      const sectorName = (await sector.getByRole("button", { name: c.quiz.sectorButton }).innerText()).trim().match(c.quiz.sectorButton)![1];
      await sector.getByRole("button", { name: c.quiz.sectorButton }).click();
      // The quiz page's title names the sector as the sectors page does, in the interface's language.
      await expect(page.locator("form[data-question-id]")).toBeVisible();
      // A client navigation sets the title just after the page shows: wait for it.
      await expect(page).toHaveTitle(new RegExp(sectorName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
      await answerCurrentQuestion(page, true, c.quiz);
      // A sector with a single question offers "See results" straight away.
      await page.getByRole("button", { name: c.quiz.finishOrResults }).click();
      await expect(page).toHaveURL(/\/results$/);

      // Progress: mastery, plurals and the chart in the interface's language.
      await page.goto("/dashboard");
      await expect(page.getByRole("heading", { level: 1, name: c.dashboard.heading })).toBeVisible();
      await expect(page.getByRole("heading", { name: c.dashboard.chart })).toBeVisible();
      const line = (await page.locator("li").filter({ has: page.locator(`a[href="/sectors#${sectorId}"]`) }).textContent())!;
      const match = line.match(c.dashboard.sectorAnswers);
      expect(match, line).not.toBeNull();
      expect(Number(match![1]), line).toBeGreaterThanOrEqual(1);
      expect(match![2], line).toBe(Number(match![1]) === 1 ? c.dashboard.one : c.dashboard.many);
      // The chart's dates the interface's way, not ISO; a lesson's time on one line in its narrow column.
      await expect(page.locator("figure figcaption tbody tr td:nth-child(2)").first()).toHaveText(c.dashboard.day);
      const time = page.locator(`[data-testid="lesson-row-${slug}"] td`).last();
      const lineHeight = await time.locator("span").evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
      expect((await time.locator("span").boundingBox())!.height).toBeLessThan(lineHeight * 1.5);
      await expectAccessible(page);
    });
  });
}

test.describe("the language switcher", () => {
  test.use({ locale: "en-US" });

  test("works signed out with the keyboard, and signed in it is saved on the account, which wins over the browser @phone", async ({ page, browser }) => {
    await page.goto("/");
    const html = page.locator("html");
    await expect(html).toHaveAttribute("lang", "en");
    await expect(page.getByRole("button", { name: "English" })).toHaveCount(0);

    // Keyboard: focus the switcher and press Enter; the page comes back in Chinese, and stays so.
    await page.getByRole("button", { name: "中文" }).focus();
    await page.keyboard.press("Enter");
    await expect(html).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("了解中美技术差距背后的数字");
    await expect(page.getByRole("link", { name: "登录" })).toBeVisible();
    await page.reload();
    await expect(html).toHaveAttribute("lang", "zh-CN");
    await expectAccessible(page);

    // Signed up in Chinese (from the cookie); the account has no setting until the switcher is used.
    const email = `switcher-${Date.now()}@example.com`;
    await page.goto("/signup");
    await page.getByLabel("名字").fill("Switcher");
    await page.getByLabel("电子邮件").fill(email);
    await page.getByLabel("密码").fill("a-long-password");
    await page.getByRole("button", { name: "创建账号" }).click();
    await expect(page.getByTestId("signed-in-as")).toBeVisible();
    expect(userLocale(email)).toBeNull();
    await page.getByRole("button", { name: "English" }).click();
    await expect(html).toHaveAttribute("lang", "en");
    await expect.poll(() => userLocale(email)).toBe("en");
    await page.getByRole("button", { name: "中文" }).click();
    await expect(html).toHaveAttribute("lang", "zh-CN");
    await expect.poll(() => userLocale(email)).toBe("zh");

    // Another device whose browser asks for English: after sign-in the account's Chinese wins.
    const other = await (await browser.newContext({ locale: "en-US" })).newPage();
    await other.goto("/signin");
    await expect(other.locator("html")).toHaveAttribute("lang", "en");
    await signIn(other, email, "a-long-password");
    await expect(other.getByTestId("signed-in-as")).toBeVisible();
    await expect(other.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(other.getByRole("button", { name: "English" })).toBeVisible();
    await other.context().close();
  });
});
