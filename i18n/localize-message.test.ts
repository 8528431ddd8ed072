import { describe, expect, it } from "vitest";
import { localizeMessageIn } from "@/i18n/localize-message";
import { parseReadAs, readAsText, serializeReadAs } from "@/lib/quiz/read-as";

describe("server messages in the reader's language", () => {
  it("words a listed English message in Chinese, and leaves English alone", () => {
    expect(localizeMessageIn("zh", "An account with this email already exists.")).toBe("这个电子邮件地址已经注册过账号。");
    expect(localizeMessageIn("en", "An account with this email already exists.")).toBe("An account with this email already exists.");
  });

  it("reads the number out of the throttles' messages", () => {
    expect(localizeMessageIn("zh", "Too many sign-in attempts. Try again in 1 minute.")).toBe("登录尝试次数过多。请在 1 分钟后重试。");
    expect(localizeMessageIn("zh", "Too many new accounts from your network. Try again in 12 minutes.")).toBe("你的网络新建账号过多。请在 12 分钟后重试。");
  });

  it("shows a message it does not know as it is", () => {
    expect(localizeMessageIn("zh", "Something only an instructor page says.")).toBe("Something only an instructor page says.");
  });
});

describe("how a typed answer was read", () => {
  it("keeps a value as text and a unit mismatch as a code with its parameters", () => {
    expect(serializeReadAs({ value: "2973.7亿美元" })).toBe("2973.7亿美元");
    const stored = serializeReadAs({ wrongUnit: { input: "12 tons", typed: "tons", asked: "%" } });
    expect(parseReadAs(stored)).toEqual({ wrongUnit: { input: "12 tons", typed: "tons", asked: "%" } });
    expect(readAsText(stored, "en")).toBe("12 tons (you wrote tons; the question asks for %)");
  });

  it("shows rows stored before the code (plain text) as they were", () => {
    const old = "12 tons (you wrote tons; the question asks for %)";
    expect(parseReadAs(old)).toEqual({ value: old });
    expect(parseReadAs(null)).toBeNull();
  });
});
