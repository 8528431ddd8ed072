import { demoAccount, expect, signUpNewStudent, test } from "./fixtures";

test("every page carries the security headers and a fresh script nonce; scripts still run", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
  });
  const first = await page.goto("/signin");
  const headers = first!.headers();
  const csp = headers["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("'unsafe-eval'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  // Next's own scripts carry this response's nonce, and the next response gets another one.
  const scriptNonces = await page.locator("script[src]").evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
  const second = await page.request.get("/signin");
  expect(second.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);
  // The page is hydrated under the policy: the sign-up flow (client-side sign-in) works.
  await signUpNewStudent(page);
  expect(violations).toEqual([]);
});

test("a callbackUrl that leaves the site is refused, before and after signing in", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  for (const trick of ["/%09/evil.test", "/%0a/evil.test", "/%0d/evil.test", "//evil.test", "https://evil.test/"]) {
    const response = await page.request.get(`/signin?callbackUrl=${trick}`, { maxRedirects: 0 });
    expect(response.status(), trick).toBe(200);
  }
  await signUpNewStudent(page);
  for (const trick of ["/%09/evil.test", "/%0a/evil.test", "/%0d/evil.test", "/%5C%09evil.test", "https://evil.test/"]) {
    const response = await page.request.get(`/signin?callbackUrl=${trick}`, { maxRedirects: 0 });
    expect(response.status(), trick).toBe(307);
    expect(new URL(response.headers()["location"]!, origin).origin, trick).toBe(origin);
  }
  // The browser itself ends up on this site.
  await page.goto("/signin?callbackUrl=/%09/evil.test");
  expect(new URL(page.url()).origin).toBe(origin);
});

test("a session token copied before sign-out no longer works after it", async ({ page, browser, baseURL }) => {
  await signUpNewStudent(page);
  const copied = (await page.context().cookies()).filter((c) => c.name.includes("session-token"));
  expect(copied).toHaveLength(1);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  const thief = await browser.newContext({ baseURL });
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto("/dashboard");
  await expect(stolen).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard/);
  await thief.close();
});

test("wrong passwords for one account are throttled, a forged X-Forwarded-For does not reset it, and nobody else is locked out", async ({ page }) => {
  async function attempt(email: string, password: string, forwardedFor?: string): Promise<string> {
    const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await page.request.post("/api/auth/callback/credentials", {
      form: { email, password, csrfToken, json: "true" },
      headers: forwardedFor ? { "X-Forwarded-For": forwardedFor } : {},
      maxRedirects: 0,
    });
    const { url } = (await response.json()) as { url: string };
    return new URL(url).searchParams.get("error") ?? "signed in";
  }
  const target = `target-${Date.now()}@example.com`;
  for (let i = 0; i < 5; i++) expect(await attempt(target, "not-the-password")).toBe("The email or password is not right.");
  expect(await attempt(target, "not-the-password")).toMatch(/Too many/);
  expect(await attempt(target, "not-the-password", "10.20.30.40")).toMatch(/Too many/);
  // Someone else at the same address signs in with their right password.
  const student = demoAccount("student");
  expect(await attempt(student.email, student.password)).toBe("signed in");
});
