import { beforeEach, describe, expect, it } from "vitest";
import { recordFailure, recordSuccess, resetRateLimits, retryAfterMs } from "./rate-limit";

const keys = ["email:a@example.com", "ip:1.2.3.4"];
const t0 = 1_000_000;

describe("sign-in rate limit", () => {
  beforeEach(resetRateLimits);

  it("lets the first failures through, then makes callers wait, doubling each time", () => {
    for (let i = 0; i < 4; i++) recordFailure(keys, t0);
    expect(retryAfterMs(keys, t0)).toBe(0);
    recordFailure(keys, t0);
    expect(retryAfterMs(keys, t0)).toBe(1000);
    recordFailure(keys, t0 + 1000);
    expect(retryAfterMs(keys, t0 + 1000)).toBe(2000);
  });

  it("limits by address across different accounts", () => {
    for (let i = 0; i < 5; i++) recordFailure([`email:user${i}@example.com`, "ip:9.9.9.9"], t0);
    expect(retryAfterMs(["email:fresh@example.com", "ip:9.9.9.9"], t0)).toBeGreaterThan(0);
    expect(retryAfterMs(["email:fresh@example.com", "ip:8.8.8.8"], t0)).toBe(0);
  });

  it("forgets failures after a success and after the window", () => {
    for (let i = 0; i < 5; i++) recordFailure(keys, t0);
    recordSuccess(keys);
    expect(retryAfterMs(keys, t0)).toBe(0);
    for (let i = 0; i < 5; i++) recordFailure(keys, t0);
    expect(retryAfterMs(keys, t0 + 16 * 60_000)).toBe(0);
  });
});
