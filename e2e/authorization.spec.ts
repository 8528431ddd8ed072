import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import { demoAccount, expect, requestAs, signIn, test } from "./fixtures";

/** A second instructor, made with the project's own command against the e2e database. */
function createOtherInstructor(): { email: string; password: string } {
  const email = `other-instructor-${Date.now()}@example.com`;
  const password = "other-instructor-pw";
  execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/user-create.ts", "--email", email, "--role", "instructor", "--password", password], {
    env: { ...process.env, APP_DATA_DIR: ".data/e2e", DATABASE_URL: "" },
    stdio: "pipe",
  });
  return { email, password };
}


function actionId(name: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { exportedName?: string }> };
  const found = Object.entries(manifest.node).find(([, v]) => v.exportedName === name);
  if (!found) throw new Error(`${name} is not in the server-reference manifest`);
  return found[0];
}

test("every instructor page, action and export refuses other instructors, students and signed-out visitors", async ({ page, browser, loginAs }) => {
  test.setTimeout(120_000);
  // The demo instructor owns a class with one student in it.
  await loginAs("instructor");
  await page.goto("/instructor");
  await page.getByLabel("New class name").fill("Owned class 自有班级");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page).toHaveURL(/\/instructor\/classes\/[^/]+$/);
  const classId = page.url().split("/").pop()!;
  const code = (await page.getByTestId("join-code").textContent())!;

  const student = demoAccount("student");
  const studentRequest = await requestAs(browser, student);
  const studentPage = await (await browser.newContext()).newPage();
  await studentPage.goto("/signin");
  await signIn(studentPage, student.email, student.password);
  await expect(studentPage.getByTestId("signed-in-as")).toBeVisible();
  await studentPage.goto(`/classes?code=${code}`);
  await studentPage.getByRole("button", { name: "Join class" }).click();
  await expect(studentPage.getByText("You joined Owned class")).toBeVisible();
  await page.reload();
  const studentId = (await page.getByRole("link", { name: "Demo Student" }).first().getAttribute("href"))!.split("/").pop()!;

  const other = await requestAs(browser, createOtherInstructor());
  const anonymous = await requestAs(browser, null);

  const classPages = [
    `/instructor/classes/${classId}`,
    `/instructor/classes/${classId}/students/${studentId}`,
    `/instructor/classes/${classId}/heatmap/any-lesson`,
    `/instructor/questions?classId=${classId}`,
  ];
  const instructorPages = ["/instructor", "/instructor/questions", "/instructor/questions/some-question-id", ...classPages];
  const exports = ["table", "questions", "responses"].map((k) => `/instructor/classes/${classId}/export/${k}`);

  for (const url of instructorPages) {
    const signedOut = await anonymous.get(url, { maxRedirects: 0 });
    expect(signedOut.status(), `signed out ${url}`).toBe(307);
    expect(signedOut.headers()["location"]).toContain("/signin?callbackUrl=");
    expect((await studentRequest.get(url, { maxRedirects: 0 })).status(), `student ${url}`).toBe(403);
  }
  for (const url of classPages) {
    expect((await other.get(url, { maxRedirects: 0 })).status(), `other instructor ${url}`).toBe(404);
  }
  for (const url of exports) {
    expect((await anonymous.get(url)).status(), `signed out ${url}`).toBe(401);
    expect((await studentRequest.get(url)).status(), `student ${url}`).toBe(403);
    expect((await other.get(url)).status(), `other instructor ${url}`).toBe(404);
    const own = await page.request.get(url);
    expect(own.status(), `owner ${url}`).toBe(200);
    expect(own.headers()["content-type"]).toContain("text/csv");
  }

  // Server actions posted directly, as a student, another instructor and nobody: nothing changes.
  const post = (request: APIRequestContext, name: string, args: unknown[]) =>
    request.post(`/instructor/classes/${classId}`, {
      headers: { "next-action": actionId(name), accept: "text/x-component", "content-type": "text/plain;charset=UTF-8" },
      data: JSON.stringify(args),
      maxRedirects: 0,
    });
  for (const request of [studentRequest, other, anonymous]) {
    await post(request, "removeStudentAction", [classId, studentId]);
    await post(request, "setRetiredAction", ["some-question-id", true]);
  }
  await page.reload();
  await expect(page.getByRole("button", { name: "Remove Demo Student" })).toBeVisible();
});
