import "server-only";
import { cookies } from "next/headers";

/** The cookie end-to-end tests set to move the server's clock forward (milliseconds). */
export const TEST_CLOCK_COOKIE = "test-clock-offset-ms";

/**
 * The server's "now" for scheduling reviews. End-to-end tests need "the next day" without waiting
 * a day, so a server started with APP_TEST_CLOCK=1 (only playwright.config.ts does that) adds the
 * offset a test puts in a cookie. Any other server ignores the cookie.
 */
export async function now(): Promise<Date> {
  if (process.env.APP_TEST_CLOCK !== "1") return new Date();
  const offset = Number((await cookies()).get(TEST_CLOCK_COOKIE)?.value ?? 0);
  return new Date(Date.now() + (Number.isFinite(offset) ? offset : 0));
}
