import type { Locator } from "@playwright/test";
import { expect, expectAccessible, signInAsInstructor, test } from "./fixtures";
import { CHINESE_UPLOAD, ENGLISH_UPLOAD } from "../tests/support/upload-texts";

// Issue 13, the last item: the instructor's "Your documents" pages in Chinese, from the upload
// form (its refusals worded by the server and by the browser in Chinese) to the preview, publishing
// and deleting. Chrome only: the lesson's own text, the file name and the generator's check names
// (marked lang="en") are content, not interface.
test.use({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });

const FILE_LABEL = "文件（.txt、.md、.docx、.pdf）";

/**
 * The interface text that has Latin words in it: every text node under `roots` outside an element
 * marked with its own language (the document's title, stems, lesson text, check names) and outside
 * the form fields, with what is allowed (file names, units, paths) taken out first. Other specs'
 * documents (the same demo instructor, classes named in English) are left out by choosing the roots.
 */
async function latinWordsInChrome(roots: Locator, allowed: RegExp[]): Promise<string[]> {
  const texts = await roots.evaluateAll((elements) => {
    const out: string[] = [];
    for (const root of elements) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement!;
        if (parent.closest("[lang]") !== document.documentElement) continue;
        // Form fields, and the publish form's class names (the teachers' own words), are content.
        if (parent.closest("textarea, select, script, style, [hidden], fieldset label")) continue;
        if (node.textContent!.trim()) out.push(node.textContent!);
      }
    }
    return out;
  });
  expect(texts.length).toBeGreaterThan(0);
  const left = allowed.reduce((text, pattern) => text.replace(pattern, " "), texts.join(" "));
  return left.match(/[A-Za-z]{2,}/g) ?? [];
}

test("an instructor with a Chinese browser uploads, previews, publishes and deletes a document, all in Chinese @phone", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const project = testInfo.project.name;
  await signInAsInstructor(page);
  const className = `语文 ${Date.now() % 1_000_000}`;
  await page.goto("/instructor");
  await page.locator("main").getByLabel("新班级名称").fill(className);
  await page.getByRole("button", { name: "创建班级" }).click();
  await expect(page).toHaveURL(/\/instructor\/classes\/[^/]+$/);

  // The upload page, reached from the instructor's home.
  await page.goto("/instructor");
  await page.getByRole("link", { name: "我的文档：上传或粘贴一篇文档，生成课程" }).click();
  await expect(page).toHaveURL(/\/instructor\/documents$/);
  await expect(page).toHaveTitle(/我的文档/);
  await expect(page.getByRole("heading", { level: 1, name: "我的文档" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "添加文档" })).toBeVisible();
  for (const label of [FILE_LABEL, "或粘贴文字", "标题", "语言", "来源"]) await expect(page.locator("main").getByLabel(label, { exact: true })).toBeVisible();
  await expect(page.locator("main").getByLabel("语言", { exact: true }).locator("option")).toHaveText(["自动", "英文", "中文"]);

  // Refusals next to the field, in Chinese: the browser's (too large, before sending) and the server's.
  await page.locator("main").getByLabel(FILE_LABEL).setInputFiles({ name: "big.txt", mimeType: "text/plain", buffer: Buffer.alloc(11 * 1024 * 1024, 0x61) });
  await expect(page.locator("#file-error")).toHaveText("这个文件有 11.0 MB，每个文件的上限是 10 MB。");
  await expect(page.getByRole("button", { name: "生成课程" })).toBeDisabled();
  await page.locator("main").getByLabel(FILE_LABEL).setInputFiles({ name: "notes.pdf", mimeType: "application/pdf", buffer: Buffer.from(ENGLISH_UPLOAD) });
  await page.getByRole("button", { name: "生成课程" }).click();
  await expect(page.locator("#file-error")).toHaveText("无论文件名怎么写，这个文件实际上都不是 PDF 文件。请重新另存为真正的 PDF 文件。");
  await expect(page.locator("main").getByLabel(FILE_LABEL)).toHaveAttribute("aria-invalid", "true");
  await page.locator("main").getByLabel(FILE_LABEL).setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from(CHINESE_UPLOAD) });
  await page.locator("main").getByLabel("或粘贴文字").fill(CHINESE_UPLOAD);
  await page.getByRole("button", { name: "生成课程" }).click();
  await expect(page.locator("#file-error")).toHaveText("请选择文件或粘贴文字，二者只能选其一。");
  // The refusal keeps the pasted text; the file must be chosen again (a browser cannot refill it).
  await expect(page.locator("main").getByLabel("或粘贴文字")).toHaveValue(CHINESE_UPLOAD);
  await expect(page.locator("#file-again")).toHaveText("请重新选择“notes.txt”：文件被拒收后，浏览器不会保留已选的文件。其他内容都已保留。");
  const uploadChrome = page.locator("main h1, main h1 ~ p:not(:has(a)), main form");
  expect(await latinWordsInChrome(uploadChrome, [/notes\.txt/g, /\.(txt|md|docx|pdf)\b/g, /UTF-8/g])).toEqual([]);
  await expectAccessible(page);
  await page.screenshot({ path: `/tmp/docs-zh-upload-${project}.png`, fullPage: true });

  // Paste the text and build: the preview, every heading and count in Chinese.
  await page.locator("main").getByLabel(FILE_LABEL).setInputFiles([]);
  await page.locator("main").getByLabel("或粘贴文字").fill(CHINESE_UPLOAD);
  const title = `港口城市（${project}）`;
  await page.locator("main").getByLabel("标题").fill(title);
  await page.getByRole("button", { name: "生成课程" }).click();
  await expect(page).toHaveURL(/\/instructor\/documents\/[^/]+$/, { timeout: 30_000 });
  const previewUrl = page.url();
  await expect(page).toHaveTitle(/文档预览/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText(/^预览 · 粘贴的文字 · pasted\.txt · \d+ kB · 中文 · \d+ 道题 · \d+ 个数字$/)).toBeVisible();
  for (const name of ["发布到班级", "按题型分列的题目", "质量报告", "课程", "替换文件"]) await expect(page.getByRole("heading", { level: 2, name, exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /^未采用的草稿及原因（\d+）$/ })).toBeVisible();
  await expect(page.locator("details summary").filter({ hasText: /^(数字选择题|数字填空题|领域识别|配对题|判断题|排序题)（\d+）$/ }).first()).toBeVisible();
  await expect(page.getByRole("columnheader")).toHaveText(["检查项", "检查次数", "通过率"]);
  await expect(page.getByText(/^题目：新增 \d+ 道，修改 \d+ 道，未变 \d+ 道，停用 \d+ 道。$/)).toBeVisible();
  // Each question links to its review page ("审核"); a type's list opens from its summary.
  const firstType = page.locator("details").first();
  if (!(await firstType.evaluate((d) => (d as HTMLDetailsElement).open))) await firstType.locator("summary").click();
  await expect(firstType.getByRole("link", { name: "审核", exact: true }).first()).toBeVisible();
  expect(await latinWordsInChrome(page.locator("main"), [/pasted\.txt/g, /\d+ kB/g, /\/lessons\/[\w-]+/g, /docs\/question-rules\.md/g, /\.(txt|md|docx|pdf)\b/g, /UTF-8/g])).toEqual([]);
  await expectAccessible(page);
  await page.screenshot({ path: `/tmp/docs-zh-preview-${project}.png`, fullPage: true });

  // Publish to the class, in Chinese; the list says to which class, with the Chinese plural.
  await expect(page.getByRole("group", { name: "选择班级" })).toBeVisible();
  await page.locator("main").getByLabel(className).check();
  await page.getByRole("button", { name: "发布", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "已发布。" })).toBeVisible();
  await page.getByRole("link", { name: "← 我的文档" }).click();
  await expect(page).toHaveURL(/\/instructor\/documents$/);
  const item = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: title }) });
  await expect(item.locator("p")).toHaveText(new RegExp(`^粘贴的文字 · \\d+ 道题 · 已发布到：${className}$`));
  expect(await latinWordsInChrome(page.locator("main h1, main h1 ~ p, main form").or(item), [/\.(txt|md|docx|pdf)\b/g, /UTF-8/g])).toEqual([]);
  await expectAccessible(page);
  await page.screenshot({ path: `/tmp/docs-zh-list-${project}.png`, fullPage: true });

  // Delete it: the question and its buttons in Chinese; it leaves the list.
  await page.goto(previewUrl);
  await page.getByRole("button", { name: "删除这篇文档" }).click();
  await expect(page.getByText("删除这篇文档？学生将不再看到它，他们的答题记录会保留。")).toBeVisible();
  await expect(page.getByRole("button", { name: "取消" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "删除这篇文档" }).click();
  await expect(page).toHaveURL(/\/instructor\/documents$/);
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
});
