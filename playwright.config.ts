import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Playwright's own browser download cannot run here: tests drive Debian's Chromium (or CHROMIUM_PATH).
const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
const executablePath = candidates.find((p): p is string => !!p && existsSync(p));
if (!executablePath) {
  throw new Error(
    "No Chromium found for the e2e tests. Install Debian's package (`apt-get install -y chromium`) or set CHROMIUM_PATH=/path/to/chromium.",
  );
}

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATA_DIR = ".data/e2e";

const launchOptions = {
  executablePath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  use: { baseURL: `http://localhost:${PORT}`, trace: "retain-on-failure", launchOptions },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions } },
    { name: "phone", use: { ...devices["Pixel 7"], launchOptions }, grep: /@phone/ },
  ],
  // A production build on a fresh embedded database, started the way a newcomer starts it.
  webServer: {
    command: `node -e "require('fs').rmSync('${E2E_DATA_DIR}',{recursive:true,force:true})" && npm start`,
    url: `http://localhost:${PORT}/`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    // APP_TEST_CLOCK lets a test move the review clock forward with a cookie (lib/server/clock.ts).
    // The suite signs up a fresh student per test, all from one address: the sign-up limits
    // (10 a minute, 60 an hour; lib/server/auth/sign-up-throttle.ts) are raised for it explicitly.
    env: {
      PORT: String(PORT),
      APP_DATA_DIR: E2E_DATA_DIR,
      DATABASE_URL: "",
      NEXTAUTH_URL: `http://localhost:${PORT}`,
      APP_TEST_CLOCK: "1",
      // Request lines are info: only warnings (4xx, ended sessions) and errors reach the test output.
      LOG_LEVEL: "warn",
      SIGN_UP_LIMIT_PER_MINUTE: "1000",
      SIGN_UP_LIMIT_PER_HOUR: "10000",
      // Every upload builds in the worker's child process (decisions/0041), as a large one does in
      // production: the e2e suite then covers that path, and the progress page is always shown first.
      UPLOAD_JOB_IN_PROCESS_BYTES: "0",
    },
  },
});
