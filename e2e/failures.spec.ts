import { readFileSync } from "node:fs";
import type { APIRequestContext, Page } from "@playwright/test";
import { demoAccount, expect, requestAs, signUpNewStudent, test } from "./fixtures";
import { sameSentencePair } from "./db-oracle";

// Issue 11, finding 8: every known failure is a message or a 4xx, never a 500.

function actionId(name: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { exportedName?: string }> };
  const found = Object.entries(manifest.node).find(([, v]) => v.exportedName === name);
  if (!found) throw new Error(`${name} is not in the server-reference manifest`);
  return found[0];
}

/** Calls a server action directly, as a script would: any arguments, no form. */
function callAction(request: APIRequestContext, path: string, name: string, args: unknown[]) {
  return request.post(path, {
    headers: { "next-action": actionId(name), accept: "text/x-component", "content-type": "text/plain;charset=UTF-8" },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
}


// Every server action, a page that uses it, and arguments naming nothing the caller owns (or no form at all).
const NAVIGATING: [string, string, unknown[]][] = [
  ["removeStudentAction", "/instructor/classes/no-such-class", ["no-such-class", "no-such-student"]],
  ["setRetiredAction", "/instructor/questions/no-such-question", ["no-such-question", true]],
  ["startQuizAction", "/sectors", ["not a form"]],
  ["finishQuizAction", "/quiz/no-such-attempt", ["no-such-attempt"]],
  ["leaveClassAction", "/classes", [{ id: 1 }]],
  ["studyLessonAction", "/lessons/no-such-lesson", ["not a form"]],
  ["undoReviewAction", "/review", ["not a form"]],
];
const WITH_STATE: [string, string, unknown[]][] = [
  ["createClassAction", "/instructor", [{}, "not a form"]],
  ["assignAction", "/instructor/classes/no-such-class", ["no-such-class", {}, "not a form"]],
  ["editQuestionAction", "/instructor/questions/no-such-question", ["no-such-question", {}, "not a form"]],
  ["flagQuestionAction", "/quiz/no-such-attempt/results", [{}, "not a form"]],
  ["joinClassAction", "/classes", [{}, "not a form"]],
  ["rerateReviewAction", "/review", [{ logId: "no-such-review", rating: 4 }]],
  ["saveReviewSettingsAction", "/review/settings", [{}, "not a form"]],
];

test("server actions called signed out, with someone else's ids or without a form answer with a message or a 4xx", async ({ page, browser }) => {
  test.setTimeout(120_000);
  // Another student's quiz: its id is what a curious student would try.
  await signUpNewStudent(page, "Owner of an attempt");
  await page.goto(`/lessons/${sameSentencePair().lessonSlug}`);
  await page.getByRole("button", { name: /Quiz on this lesson/ }).click();
  await expect(page).toHaveURL(/\/quiz\/[^/]+$/);
  const othersAttempt = page.url().split("/").pop()!;

  const anonymous = await requestAs(browser, null);
  const student = await requestAs(browser, demoAccount("student"));
  for (const [name, path, args] of [...NAVIGATING, ...WITH_STATE]) {
    const signedOut = await callAction(anonymous, path, name, args);
    expect(signedOut.status(), `signed out ${name}`).toBeLessThan(500);
    const asStudent = await callAction(student, path, name, args);
    expect(asStudent.status(), `student ${name}`).toBeLessThan(500);
  }
  // Navigating actions send a signed-out caller to sign in.
  for (const [name, path, args] of NAVIGATING) {
    expect((await callAction(anonymous, path, name, args)).headers()["x-action-redirect"], name).toContain("/signin");
  }
  // Form actions say so in the form.
  expect(await (await callAction(anonymous, "/classes", "joinClassAction", [{}, "not a form"])).text()).toContain("Your session has ended");

  // Someone else's attempt is not found; instructor actions are forbidden to a student; no form is bad input.
  expect((await callAction(student, `/quiz/${othersAttempt}`, "finishQuizAction", [othersAttempt])).status()).toBe(404);
  expect((await callAction(student, "/instructor/questions/q", "setRetiredAction", ["q", true])).status()).toBe(403);
  expect((await callAction(student, "/sectors", "startQuizAction", ["not a form"])).status()).toBe(404);
  expect(await (await callAction(student, "/classes", "joinClassAction", [{}, "not a form"])).text()).toContain("That form could not be read");
  // The owner's quiz is untouched: still open.
  await page.reload();
  await expect(page.getByRole("button", { name: "See results" })).toHaveCount(0);
  await expect(page.locator("form[data-question-id]")).toBeVisible();
});

test("the JSON routes refuse `Origin: null` and malformed origins with a 403", async ({ browser }) => {
  const student = await requestAs(browser, demoAccount("student"));
  for (const route of ["/api/quiz/answers", "/api/review/answers"]) {
    for (const origin of ["null", "http://[", "not a url"]) {
      const response = await student.post(route, { headers: { origin, "content-type": "application/json" }, data: {} });
      expect(response.status(), `${route} Origin: ${origin}`).toBe(403);
      expect(await response.json()).toEqual({ ok: false, error: "Cross-site requests are refused." });
    }
  }
});

/** Points the page's first quiz form at another scope id, as an edited page or a stale link would. */
async function startQuizOn(page: Page, scopeId: string) {
  await page.locator('form:has(input[name="scopeId"]) input[name="scopeId"]').first().evaluate((input, value) => ((input as HTMLInputElement).value = value), scopeId);
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.locator('form:has(input[name="scopeId"]) button[type="submit"]').first().click()]);
  return response;
}

test("a quiz on an unknown lesson or sector, and a malformed path, are the 404 page", async ({ page }) => {
  await signUpNewStudent(page);
  await page.goto(`/lessons/${sameSentencePair().lessonSlug}`);
  expect((await startQuizOn(page, "no-such-lesson")).status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.goto("/sectors");
  expect((await startQuizOn(page, "no-such-sector")).status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();

  for (const path of ["/lessons/no-such-lesson", "/lessons/%E0%A4%A", "/quiz/%E0%A4%A/results", "/lessons/%"]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).toContain("Page not found");
  }
});
