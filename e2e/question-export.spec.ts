import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { parse } from "gift-pegjs";
import { unzipSync } from "fflate";
import { demoAccount, expect, expectAccessible, test } from "./fixtures";
import { lessonSlugs } from "./db-oracle";

/** The ids of a lesson's questions the instructor would export: generated for quizzes (not review-only), not retired by anyone they follow. */
function exportableIds(lessonSlug: string, instructorEmail: string): string[] {
  const db = new Database(path.join(".data/e2e", "app.db"), { readonly: true, fileMustExist: true });
  try {
    const sql = `SELECT q.id FROM "Question" q JOIN "User" u ON u.email = ?
      WHERE q."lessonSlug" = ? AND q."retiredAt" IS NULL AND q."reviewOnly" = 0
        AND NOT EXISTS (SELECT 1 FROM "QuestionOverride" o WHERE o."questionId" = q.id AND o.retired = 1)
        AND NOT EXISTS (SELECT 1 FROM "InstructorEdit" e WHERE e."questionId" = q.id AND e."instructorId" = u.id AND e.retired = 1)`;
    return (db.prepare(sql).all(instructorEmail, lessonSlug) as { id: string }[]).map((r) => r.id).sort();
  } finally {
    db.close();
  }
}

test("an instructor downloads a Chinese lesson's questions as GIFT and QTI from the questions page, by keyboard", async ({ page, loginAs }) => {
  const slug = lessonSlugs("zh")[0];
  await loginAs("instructor");
  await page.goto(`/instructor/questions?lesson=${slug}`);
  await expect(page.getByRole("heading", { name: "Export questions" })).toBeVisible();
  await expect(page.getByLabel("Questions", { exact: true })).toHaveValue(`lesson:${slug}`);
  await expectAccessible(page);
  await page.locator("#export-heading").locator("..").screenshot({ path: "test-results/export-form.png" });

  // Keyboard: from the format (set to GIFT), Tab reaches the scope, then the button; Enter downloads.
  await page.getByLabel("Format").focus();
  await page.getByLabel("Format").selectOption("gift");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Questions", { exact: true })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Download" })).toBeFocused();
  const [gift] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  expect(gift.suggestedFilename()).toBe(`${slug}.gift.txt`);
  const text = readFileSync((await gift.path())!, "utf8");
  const questions = parse(text).filter((q) => q.type !== "Category");
  expect(questions.map((q) => q.title).sort()).toEqual(exportableIds(slug, demoAccount("instructor").email));
  expect(text).toMatch(/[\u4e00-\u9fff]/);

  await page.getByLabel("Format").selectOption("qti");
  const [qti] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download" }).press("Enter")]);
  expect(qti.suggestedFilename()).toBe(`${slug}.qti.zip`);
  const files = unzipSync(readFileSync((await qti.path())!));
  expect(Object.keys(files).filter((f) => f.startsWith("items/"))).toHaveLength(questions.length);
  expect(Object.keys(files)).toContain("imsmanifest.xml");

  // The Anki deck (written with better-sqlite3 in the server): one note per exported question.
  const anki = await page.request.get(`/instructor/export?format=anki&scope=lesson:${slug}`);
  expect(anki.status()).toBe(200);
  const collection = path.join(mkdtempSync(path.join(tmpdir(), "apkg-")), "collection.anki2");
  writeFileSync(collection, unzipSync(await anki.body())["collection.anki2"]);
  const deck = new Database(collection, { readonly: true });
  try {
    expect((deck.prepare("SELECT COUNT(*) AS n FROM notes").get() as { n: number }).n).toBe(questions.length);
  } finally {
    deck.close();
  }
});
