import { describe, expect, it } from "vitest";
import { sameOriginRedirect, safeCallbackUrl } from "./safe-callback-url";

describe("safeCallbackUrl", () => {
  it("keeps same-site paths", () => {
    expect(safeCallbackUrl("/instructor?x=1")).toBe("/instructor?x=1");
    expect(safeCallbackUrl("/quiz/abc#top")).toBe("/quiz/abc#top");
  });
  it.each([
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "javascript:alert(1)",
    "/\t/evil.test",
    "/\n/evil.test",
    "/\r/evil.test",
    "\t//evil.test",
    "/\\\t\\evil.test",
    "https:evil.test",
    "",
    null,
    ["/a", "/b"],
  ])("replaces %j with the fallback", (value) => {
    expect(safeCallbackUrl(value, "/home")).toBe("/home");
  });
  it("returns a path free of control characters, safe for a Location header", () => {
    const result = safeCallbackUrl("/lessons\n/x\r");
    expect(result).toBe("/lessons/x");
    expect(result).not.toMatch(/[\t\r\n]/);
  });
});

describe("sameOriginRedirect", () => {
  const base = "http://localhost:3000";
  it("keeps URLs on the site, relative or absolute", () => {
    expect(sameOriginRedirect("/dashboard", base)).toBe("http://localhost:3000/dashboard");
    expect(sameOriginRedirect("http://localhost:3000/x?y=1", base)).toBe("http://localhost:3000/x?y=1");
  });
  it.each(["https://evil.example/", "//evil.example", "/\t/evil.test", "/\\evil.test", "http://localhost:3001/"])("sends %j to the root", (url) => {
    expect(sameOriginRedirect(url, base)).toBe(base);
  });
});
