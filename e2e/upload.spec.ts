import type { Page } from "@playwright/test";
import { expect, expectAccessible, newStudent, test } from "./fixtures";
import { answerCurrentQuestion } from "./quiz-helpers";
import { CHINESE_UPLOAD, ENGLISH_UPLOAD } from "../tests/support/upload-texts";
import { docxOf, pdfOf } from "../tests/support/upload-files";

const FILE_LABEL = "File (.txt, .md, .docx, .pdf)";

async function createClass(page: Page, name: string): Promise<string> {
  await page.goto("/instructor");
  await page.getByLabel("New class name").fill(name);
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page).toHaveURL(/\/instructor\/classes\/[^/]+$/);
  return (await page.getByTestId("join-code").textContent())!.trim();
}

/** Builds the document on the upload page, checks its preview, publishes it to one class; returns the lesson's slug. */
async function addAndPublish(page: Page, fill: () => Promise<void>, expected: { title: string; language: "en" | "zh" }, className: string, options: { watchProgress?: boolean } = {}): Promise<string> {
  await page.goto("/instructor/documents");
  await fill();
  await page.getByRole("button", { name: "Build the lesson" }).click();
  if (options.watchProgress) {
    // The upload returns at once to the build's progress page (decisions/0041), which goes on to the preview when done.
    await expect(page).toHaveURL(/\/instructor\/documents\/jobs\/[^/]+$/);
    await expect(page.getByRole("progressbar", { name: "Build progress" })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: /Waiting for its turn|Reading the document|Generating questions|Saving the lesson/ })).toBeAttached();
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath(`progress-${Date.now()}.png`), fullPage: true });
  }
  await expect(page).toHaveURL(/\/instructor\/documents\/[^/]+$/, { timeout: 60_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(expected.title);
  await expect(page.getByText(new RegExp(`· ${expected.language === "zh" ? "Chinese" : "English"} · \\d+ questions`))).toBeVisible();
  await expect(page.getByRole("heading", { name: "Questions by type" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Quality report" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Rejected drafts and why \(\d+\)$/ })).toBeVisible();
  await expect(page.locator("details summary").filter({ hasText: /^figure, multiple choice \(\d+\)$/ })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath(`preview-${expected.language}-${Date.now()}.png`), fullPage: true });
  await page.getByLabel(className).check();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published.")).toBeVisible();
  const href = (await page.getByRole("link", { name: /^Lesson: \/lessons\// }).getAttribute("href"))!;
  return href.replace("/lessons/", "");
}

test("an instructor uploads a .docx, a .pdf and pasted Chinese text, previews and publishes them; only that class's students see them", async ({ page, browser, loginAs }) => {
  test.setTimeout(240_000);
  await loginAs("instructor");
  const codeA = await createClass(page, "Upload A 上传");
  const codeB = await createClass(page, "Upload B");

  // A bad file is refused next to the field, and nothing is made.
  await page.goto("/instructor/documents");
  await page.getByLabel(FILE_LABEL).setInputFiles({ name: "notes.pdf", mimeType: "application/pdf", buffer: Buffer.from(ENGLISH_UPLOAD) });
  await page.getByRole("button", { name: "Build the lesson" }).click();
  await expect(page.locator("#file-error")).toHaveText("This file is not a PDF file inside, whatever its name says. Save it again as a real PDF file.");
  await expect(page.getByLabel(FILE_LABEL)).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("No documents yet.")).toBeVisible();
  await expectAccessible(page);

  // A PDF without a text layer is refused while it is built: the progress page says why, and nothing is kept.
  await page.getByLabel(FILE_LABEL).setInputFiles({ name: "scan.pdf", mimeType: "application/pdf", buffer: Buffer.from(await pdfOf("  ")) });
  await page.getByRole("button", { name: "Build the lesson" }).click();
  await expect(page.getByRole("heading", { name: "The lesson could not be built" })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("main").getByRole("alert")).toContainText("scan.pdf: This PDF has no text to read: it looks like a scanned image.");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Upload another file" }).click();
  await expect(page.getByText("No documents yet.")).toBeVisible();

  const docx = await addAndPublish(
    page,
    async () => page.getByLabel(FILE_LABEL).setInputFiles({ name: "harbour.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: Buffer.from(await docxOf(ENGLISH_UPLOAD)) }),
    { title: "Harbour cities and their factories", language: "en" },
    "Upload A 上传",
    { watchProgress: true },
  );
  const pdf = await addAndPublish(
    page,
    async () => {
      await page.getByLabel(FILE_LABEL).setInputFiles({ name: "harbour.pdf", mimeType: "application/pdf", buffer: Buffer.from(await pdfOf(ENGLISH_UPLOAD, { wrap: 60 })) });
      await page.getByLabel("Title").fill("Harbour factories (PDF)");
      await page.getByLabel("Source").fill("Written for the upload test");
    },
    { title: "Harbour factories (PDF)", language: "en" },
    "Upload A 上传",
  );
  const chinese = await addAndPublish(page, async () => page.getByLabel("Or paste the text").fill(CHINESE_UPLOAD), { title: "港口城市的制造业", language: "zh" }, "Upload A 上传");
  await page.goto("/instructor/documents");
  for (const title of ["Harbour cities and their factories", "Harbour factories (PDF)", "港口城市的制造业"]) await expect(page.getByRole("link", { name: title })).toBeVisible();
  await expectAccessible(page);

  // A student of class A sees all three and takes a quiz on the PDF's lesson.
  const ana = await newStudent(browser, "Ana Upload");
  await ana.goto("/classes");
  await ana.getByLabel("Class code").fill(codeA);
  await ana.getByRole("button", { name: "Join class" }).click();
  await expect(ana.getByText("You joined Upload A")).toBeVisible();
  await ana.goto("/lessons");
  for (const title of ["Harbour cities and their factories", "Harbour factories (PDF)", "港口城市的制造业"]) await expect(ana.getByRole("link", { name: title })).toBeVisible();
  await ana.goto(`/lessons/${pdf}`);
  await expect(ana.getByText("Written for the upload test")).toBeVisible();
  await ana.getByRole("button", { name: /^Quiz on this lesson/ }).click();
  await expect(ana.locator("form[data-question-id]")).toBeVisible();
  const total = await ana.locator('nav[aria-label="Questions"] li').count();
  expect(total).toBeGreaterThan(0);
  for (let i = 0; i < total; i++) {
    await answerCurrentQuestion(ana, true);
    if (i < total - 1) await ana.getByRole("button", { name: "Next question" }).click();
  }
  await ana.getByRole("button", { name: "See results" }).click();
  await expect(ana).toHaveURL(/\/results$/);
  await expect(ana.getByText("100%").first()).toBeVisible();
  await expectAccessible(ana);

  // A student of class B, and one in no class, see none of them: a guessed address is a 404.
  const bo = await newStudent(browser, "Bo Upload");
  await bo.goto("/classes");
  await bo.getByLabel("Class code").fill(codeB);
  await bo.getByRole("button", { name: "Join class" }).click();
  await expect(bo.getByText("You joined Upload B")).toBeVisible();
  await bo.goto("/lessons");
  await expect(bo.getByRole("link", { name: "Harbour factories (PDF)" })).toHaveCount(0);
  for (const slug of [docx, pdf, chinese]) expect((await bo.goto(`/lessons/${slug}`))?.status()).toBe(404);
  await bo.goto("/sectors");
  await expectAccessible(bo);
});

test("a refused upload keeps what the instructor typed, with the message next to its field", async ({ page, loginAs }) => {
  await loginAs("instructor");
  await page.goto("/instructor/documents");
  const form = page.getByRole("region", { name: "Add a document" });
  // Too little text to build from: refused with the form, and nothing typed is lost.
  await form.getByLabel("Or paste the text").fill("Too short to build.");
  await form.getByLabel("Title").fill("Kept title");
  await form.getByLabel("Language").selectOption("zh");
  await form.getByLabel("Source").fill("Kept source, 2026");
  await page.getByRole("button", { name: "Build the lesson" }).click();
  await expect(page.locator("#text-error")).toHaveText("There is no text to build a lesson from.");
  await expect(form.getByLabel("Or paste the text")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Or paste the text")).toHaveValue("Too short to build.");
  await expect(form.getByLabel("Title")).toHaveValue("Kept title");
  await expect(form.getByLabel("Language")).toHaveValue("zh");
  await expect(form.getByLabel("Source")).toHaveValue("Kept source, 2026");
  await expect(page).toHaveURL(/\/instructor\/documents$/);
  await expectAccessible(page);

  // A refused file: the other fields stay, and the page says the file must be chosen again.
  await form.getByLabel("Or paste the text").fill("");
  await form.getByLabel(FILE_LABEL).setInputFiles({ name: "notes.pdf", mimeType: "application/pdf", buffer: Buffer.from(ENGLISH_UPLOAD) });
  await page.getByRole("button", { name: "Build the lesson" }).click();
  await expect(page.locator("#file-error")).toHaveText("This file is not a PDF file inside, whatever its name says. Save it again as a real PDF file.");
  await expect(page.locator("#file-again")).toHaveText("Choose “notes.pdf” again: a browser does not keep a chosen file after a refusal. The other fields are kept.");
  await expect(form.getByLabel(FILE_LABEL)).toHaveAttribute("aria-describedby", "file-error file-again");
  await expect(form.getByLabel("Title")).toHaveValue("Kept title");
  await expect(form.getByLabel("Language")).toHaveValue("zh");
  await expect(form.getByLabel("Source")).toHaveValue("Kept source, 2026");
  await expectAccessible(page);
});

test("a lesson with nothing to ask says so to its students: no quiz, no “Add to my reviews”, and the review page never claims facts it has not got", async ({ page, browser, loginAs }) => {
  test.setTimeout(120_000);
  await loginAs("instructor");
  const code = await createClass(page, "Quiet reading");
  // No figure and no sector of the lexicon: the generator has nothing to ask about it.
  const story = "The garden was quiet in the early morning.\n\nChildren sat under the old tree and read stories to each other. Their teacher walked between the benches and listened. Everyone went home before the rain began, and the garden was quiet again.";
  await page.goto("/instructor/documents");
  await page.getByLabel("Or paste the text").fill(story);
  await page.getByLabel("Title").fill("A quiet garden");
  await page.getByRole("button", { name: "Build the lesson" }).click();
  await expect(page).toHaveURL(/\/instructor\/documents\/[^/]+$/, { timeout: 60_000 });
  await expect(page.getByText(/· English · 0 questions/)).toBeVisible();
  await page.getByLabel("Quiet reading").check();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published.")).toBeVisible();
  const slug = (await page.getByRole("link", { name: /^Lesson: \/lessons\// }).getAttribute("href"))!.replace("/lessons/", "");

  const reader = await newStudent(browser, "Quiet Reader");
  await reader.goto("/classes");
  await reader.getByLabel("Class code").fill(code);
  await reader.getByRole("button", { name: "Join class" }).click();
  await expect(reader.getByText("You joined Quiet reading")).toBeVisible();
  await reader.goto(`/lessons/${slug}`);
  await expect(reader.locator('[data-lesson-actions="ready"]')).toBeVisible();
  await expect(reader.getByText("No quiz yet: nothing here can be asked as a question.")).toBeVisible();
  await expect(reader.getByRole("button", { name: /^Quiz on this lesson/ })).toHaveCount(0);
  await expect(reader.getByRole("button", { name: "Add to my reviews" })).toHaveCount(0);
  await expectAccessible(reader);

  // Where adding a lesson found no fact (a lesson whose every question was retired, say), the page says that, not "already in your reviews".
  await reader.goto(`/review?lesson=${slug}&added=0&facts=0`);
  await expect(reader.getByRole("status").filter({ hasText: "This lesson has no facts to review: nothing in it could be made into a question." })).toBeVisible();
  await expect(reader.getByText("This lesson's facts were already in your reviews.")).toHaveCount(0);
  await expectAccessible(reader);
});
