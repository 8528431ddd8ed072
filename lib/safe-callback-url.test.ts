import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./safe-callback-url";

describe("safeCallbackUrl", () => {
  it("keeps same-site paths", () => {
    expect(safeCallbackUrl("/instructor?x=1")).toBe("/instructor?x=1");
  });
  it.each(["https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)", "", null])(
    "replaces %s with the fallback",
    (value) => {
      expect(safeCallbackUrl(value, "/home")).toBe("/home");
    },
  );
});
