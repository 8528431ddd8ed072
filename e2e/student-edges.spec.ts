import { expect, signUpNewStudent, test } from "./fixtures";
import { lessonSlugs } from "./db-oracle";

test("every page names its icon, and it loads", async ({ page }) => {
  const missing: string[] = [];
  page.on("response", (r) => {
    if (r.status() === 404) missing.push(r.url());
  });
  await page.goto("/");
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toBeTruthy();
  const icon = await page.request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  await signUpNewStudent(page);
  await page.goto(`/lessons/${lessonSlugs("en")[0]}`);
  expect(missing).toEqual([]);
});
