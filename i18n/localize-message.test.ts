import { describe, expect, it } from "vitest";
import { localizeMessageIn } from "@/i18n/localize-message";
import { documentError, UploadRefusal } from "@/lib/uploads/errors";
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

  it("words an error named by key in the reader's language, its numbers the locale's way", () => {
    const tooMany = new UploadRefusal("tooManyDocuments", { limit: 5 });
    expect(tooMany.message).toBe("You already have 5 documents, the most one instructor can keep. Delete one first.");
    expect(localizeMessageIn("en", tooMany.message, tooMany.translation)).toBe(tooMany.message);
    expect(localizeMessageIn("zh", tooMany.message, tooMany.translation)).toBe("你已经有 5 篇文档，这是每位教师可保存的上限。请先删除一篇。");
    const one = new UploadRefusal("tooManyDocuments", { limit: 1 });
    expect(one.message).toBe("You already have 1 document, the most one instructor can keep. Delete one first.");
    const large = new UploadRefusal("fileTooLarge", { size: 12.34, limit: 10 });
    expect(large.message).toBe("This file is 12.3 MB; the limit is 10 MB per file.");
    expect(localizeMessageIn("zh", large.message, large.translation)).toBe("这个文件有 12.3 MB，每个文件的上限是 10 MB。");
    const renamed = new UploadRefusal("notWhatItSays", { kind: "docx" });
    expect(localizeMessageIn("zh", renamed.message, renamed.translation)).toBe("无论文件名怎么写，这个文件实际上都不是 Word（.docx）文件。请重新另存为真正的 Word（.docx）文件。");
    const missing = documentError("NOT_FOUND", "noSuchDocument");
    expect(localizeMessageIn("zh", missing.message, missing.translation)).toBe("这篇文档不存在。");
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
