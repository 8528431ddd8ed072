import { readFileSync } from "node:fs";
import path from "node:path";
import { test as base, expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

export type DemoRole = "student" | "instructor";

interface DemoAccount {
  email: string;
  role: string;
  password: string;
}

/** The demo accounts `npm start` created for this run's fresh database. */
export function demoAccount(role: DemoRole): DemoAccount {
  const accounts = JSON.parse(readFileSync(path.join(".data/e2e", "demo-accounts.json"), "utf8")) as DemoAccount[];
  const account = accounts.find((a) => a.role === role.toUpperCase());
  if (!account) throw new Error(`No demo ${role} in .data/e2e/demo-accounts.json`);
  return account;
}

export async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs the demo instructor in without relying on the sign-in page's wording (it is translated too). */
export async function signInAsInstructor(page: Page) {
  const account = demoAccount("instructor");
  await page.goto("/signin");
  await page.locator('input[name="email"]').fill(account.email);
  await page.locator('input[name="password"]').fill(account.password);
  await page.locator('main button[type="submit"]').click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
}

/** Signs up a fresh student account (each test gets its own progress). */
export async function signUpNewStudent(page: Page, name = "Quiz Student 测验"): Promise<string> {
  const email = `student-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`;
  await page.goto("/signup");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-long-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  return email;
}

/** Fails on any serious or critical axe violation, listing them. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

export const test = base.extend<{ loginAs: (role: DemoRole) => Promise<void> }>({
  loginAs: async ({ page }, use) => {
    await use(async (role) => {
      const account = demoAccount(role);
      await page.goto("/signin");
      await signIn(page, account.email, account.password);
      await expect(page.getByTestId("signed-in-as")).toBeVisible();
    });
  },
});

/** A new student, signed up in a browser context of their own. */
export async function newStudent(browser: Browser, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/signup");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(`${name.toLowerCase().replace(/\W+/g, "-")}-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("a-long-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  return page;
}

/** Requests sent with this account's session (null: signed out), from a context of their own. */
export async function requestAs(browser: Browser, account: { email: string; password: string } | null): Promise<APIRequestContext> {
  const context = await browser.newContext();
  if (account) {
    const page = await context.newPage();
    await page.goto("/signin");
    await signIn(page, account.email, account.password);
    await expect(page.getByTestId("signed-in-as")).toBeVisible();
    await page.close();
  }
  return context.request;
}

export { expect };
