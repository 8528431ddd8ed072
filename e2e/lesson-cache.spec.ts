import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { demoAccount, expect, expectAccessible, requestAs, signUpNewStudent, test } from "./fixtures";
import { lessonSlugs } from "./db-oracle";

// Lesson pages from the page cache (docs/decisions/0042): the document is the same for every reader
// of a content version and language; who is reading is filled in by the browser.

const DB_FILE = path.join(".data/e2e", "app.db");
const letters = () => [...randomBytes(8)].map((b) => String.fromCharCode(97 + (b % 26))).join("");

function write<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(DB_FILE, { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

test("a cached lesson page shows each reader their own header and buttons, with a fresh nonce and no policy violation", async ({ page, browser, baseURL }) => {
  const slug = lessonSlugs("en")[0]!;
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
  });
  // A visitor first, so the page is in the cache before anyone signed in asks for it.
  const visitor = await browser.newContext({ baseURL });
  const visitorPage = await visitor.newPage();
  await visitorPage.goto(`/lessons/${slug}`);
  await expect(visitorPage.getByRole("link", { name: "Sign in to take a quiz" })).toBeVisible();
  await expect(visitorPage.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  await expect(visitorPage.getByTestId("signed-in-as")).toHaveCount(0);

  const name = `Cache Reader ${letters()}`;
  await signUpNewStudent(page, name);
  const first = await page.goto(`/lessons/${slug}`);
  const nonce = /'nonce-([^']+)'/.exec(first!.headers()["content-security-policy"] ?? "")?.[1];
  expect(nonce).toBeTruthy();
  const scriptNonces = await page.locator("script[src]").evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
  await expect(page.getByTestId("signed-in-as")).toContainText(name);
  await expect(page.getByRole("link", { name: "Sign in to take a quiz" })).toHaveCount(0);
  const quiz = page.getByRole("button", { name: /Quiz on this lesson/ });
  await expect(quiz).toBeVisible();
  await expect(page.getByRole("button", { name: "Add to my reviews" })).toBeVisible();
  await expectAccessible(page);

  // The next response has another nonce, and the visitor still sees no one's name.
  const again = await page.request.get(`/lessons/${slug}`);
  expect(again.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);
  expect(await again.text()).not.toContain(name);
  await visitorPage.reload();
  await expect(visitorPage.getByRole("link", { name: "Sign in to take a quiz" })).toBeVisible();
  await expect(visitorPage.getByText(name)).toHaveCount(0);
  await visitor.close();

  // Keyboard: the quiz button is reached with Tab and started with Enter.
  await quiz.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/quiz\/[^/]+$/);
  expect(violations).toEqual([]);
});

test("the cached page is in each reader's interface language, signed in and out", async ({ page, browser, baseURL }) => {
  const slug = lessonSlugs("en")[0]!;
  const zhVisitor = await browser.newContext({ baseURL, locale: "zh-CN", extraHTTPHeaders: { "Accept-Language": "zh-CN,zh;q=0.9" } });
  const zhPage = await zhVisitor.newPage();
  await zhPage.goto(`/lessons/${slug}`);
  await expect(zhPage.locator("html")).toHaveAttribute("lang", /^zh/);
  await expect(zhPage.getByRole("link", { name: "登录后即可做测验" })).toBeVisible();
  await expectAccessible(zhPage);
  await zhVisitor.close();

  await signUpNewStudent(page);
  await page.goto(`/lessons/${slug}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("button", { name: /Quiz on this lesson/ })).toBeVisible();
  await page.getByTestId("locale-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", /^zh/);
  await page.goto(`/lessons/${slug}`);
  await expect(page.locator("html")).toHaveAttribute("lang", /^zh/);
  await expect(page.getByRole("button", { name: "加入我的复习" })).toBeVisible();
  await expectAccessible(page);
});

test("an instructor's own lesson is served to them only, never from the shared cache", async ({ browser }) => {
  const instructor = demoAccount("instructor");
  const source = lessonSlugs("en")[0]!;
  const slug = `owned-${letters()}`;
  const title = `Owned lesson ${letters()}`;
  write((db) => {
    const owner = db.prepare('SELECT id FROM "User" WHERE email = ?').get(instructor.email) as { id: string };
    db.prepare(
      `INSERT INTO "Lesson" (slug, title, language, source, body, "contentHash", "wordCount", "readingMinutes", position, "updatedAt", "ownerId")
       SELECT ?, ?, language, source, body, ?, "wordCount", "readingMinutes", position + 1000, "updatedAt", ? FROM "Lesson" WHERE slug = ?`,
    ).run(slug, title, `test-${letters()}`, owner.id, source);
  });
  const asInstructor = await requestAs(browser, instructor);
  const own = await asInstructor.get(`/lessons/${slug}`);
  expect(own.status()).toBe(200);
  expect(await own.text()).toContain(title);

  const student = await browser.newContext();
  const studentPage = await student.newPage();
  await signUpNewStudent(studentPage);
  for (let i = 0; i < 2; i++) {
    const response = await studentPage.request.get(`/lessons/${slug}`);
    expect(response.status()).toBe(404);
    expect(await response.text()).not.toContain(title);
  }
  const reader = await (await studentPage.request.get(`/api/reader?lesson=${slug}`)).json();
  expect(reader.offer).toBeNull();
  const visitor = await requestAs(browser, null);
  const anonymous = await visitor.get(`/lessons/${slug}`);
  expect(anonymous.status()).toBe(404);
  expect(await anonymous.text()).not.toContain(title);
  await student.close();
});

test("a new content version of a lesson is served at once; the old page is not", async ({ browser }) => {
  const slug = lessonSlugs("zh").at(-1)!;
  const visitor = await requestAs(browser, null);
  const before = await (await visitor.get(`/lessons/${slug}`)).text();
  const { title, contentHash } = write((db) => db.prepare('SELECT title, "contentHash" FROM "Lesson" WHERE slug = ?').get(slug) as { title: string; contentHash: string });
  expect(before).toContain(title);
  const marker = `Changed by a sync ${letters()}`;
  // What content:sync writes when a lesson's content changed: the new content and its new hash.
  write((db) => db.prepare('UPDATE "Lesson" SET title = ?, "contentHash" = ? WHERE slug = ?').run(marker, `test-${letters()}`, slug));
  try {
    const after = await (await visitor.get(`/lessons/${slug}`)).text();
    expect(after).toContain(marker);
  } finally {
    write((db) => db.prepare('UPDATE "Lesson" SET title = ?, "contentHash" = ? WHERE slug = ?').run(title, contentHash, slug));
  }
  expect(await (await visitor.get(`/lessons/${slug}`)).text()).not.toContain(marker);
});
