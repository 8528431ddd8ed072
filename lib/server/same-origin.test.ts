import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./same-origin";

describe("isSameOrigin", () => {
  const host = "localhost:3103";

  it("accepts this site's origin and a request without one", () => {
    expect(isSameOrigin("http://localhost:3103", host)).toBe(true);
    expect(isSameOrigin("https://LOCALHOST:3103", host)).toBe(true);
    expect(isSameOrigin(null, host)).toBe(true);
  });

  it("refuses another site, another port, and an origin without a host to compare with", () => {
    expect(isSameOrigin("https://evil.test", host)).toBe(false);
    expect(isSameOrigin("http://localhost:3104", host)).toBe(false);
    expect(isSameOrigin("http://localhost:3103", null)).toBe(false);
  });

  it("refuses `null` and malformed origins instead of throwing", () => {
    for (const origin of ["null", "", "http://[", "localhost:3103", "%", "javascript:alert(1)", "file:///etc/passwd"]) {
      expect(() => isSameOrigin(origin, host), origin).not.toThrow();
      expect(isSameOrigin(origin, host), origin).toBe(false);
    }
  });
});
