import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/server/errors";
import { actionId, actionOrFailurePage, actionState, formText, formTextsByPrefix, parseField } from "./action-input";

// next.config.js turns on authInterrupts (forbidden()); Next passes it to its code through this variable.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
// An English request with no locale cookie: the messages below are the English ones (decisions/0025).
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-pathname": "/instructor/questions/q1" }), cookies: async () => ({ get: () => undefined }) }));

const form = (entries: Record<string, string | Blob>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.append(k, v);
  return data;
};
const digestOf = async (work: Promise<unknown>) => ((await work.then(() => null, (e: unknown) => e)) as { digest?: string } | null)?.digest;

describe("formText", () => {
  it("reads a text field, and an absent one as empty", () => {
    expect(formText(form({ name: "Class 1" }), "name")).toBe("Class 1");
    expect(formText(form({}), "name")).toBe("");
  });

  it("refuses what is not a form, a file, or an oversized value as bad input", () => {
    for (const bad of [undefined, null, "name=x", { get: () => "x" }]) expect(() => formText(bad, "name")).toThrow(expect.objectContaining({ code: "INVALID" }));
    expect(() => formText(form({ name: new Blob(["x"]) }), "name")).toThrow(expect.objectContaining({ code: "INVALID" }));
    expect(() => formText(form({ name: "x".repeat(101) }), "name", 100)).toThrow(expect.objectContaining({ code: "INVALID", field: "name" }));
  });

  it("collects prefixed fields by the rest of their name", () => {
    expect(formTextsByPrefix(form({ "option:a": "18%", "option:b": "23%", stem: "x" }), "option:")).toEqual({ a: "18%", b: "23%" });
  });
});

describe("actionId and parseField", () => {
  it("accepts a plain id and reports anything else as not found", () => {
    expect(actionId("cm1abc")).toBe("cm1abc");
    for (const bad of [undefined, 42, {}, ["a"], "", "x".repeat(201), "a\u0000b"]) expect(() => actionId(bad)).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
  });

  it("turns a schema mismatch into INVALID with the issue's message and field", () => {
    const schema = z.object({ name: z.string().min(1, { message: "Give it a name." }) });
    expect(parseField(schema, { name: "a" })).toEqual({ name: "a" });
    expect(() => parseField(schema, { name: "" })).toThrow(expect.objectContaining({ code: "INVALID", message: "Give it a name.", field: "name" }));
  });
});

describe("actionState", () => {
  const failed = (message: string, field?: string) => ({ ok: false, message, field });

  it("returns known failures (signed out, not yours, bad input) as the form's state", async () => {
    await expect(actionState<unknown>(async () => { throw new AppError("UNAUTHENTICATED", "Sign in again."); }, failed)).resolves.toEqual({ ok: false, message: "Sign in again.", field: undefined });
    await expect(actionState<unknown>(async () => { throw new AppError("NOT_FOUND", "No such class."); }, failed)).resolves.toMatchObject({ message: "No such class." });
    await expect(actionState<unknown>(async () => z.string().parse(3), failed)).resolves.toMatchObject({ ok: false });
  });

  it("lets unexpected errors through (they are bugs, not answers)", async () => {
    await expect(actionState<unknown>(async () => { throw new TypeError("boom"); }, failed)).rejects.toThrow("boom");
  });
});

describe("actionOrFailurePage", () => {
  it("sends a signed-out caller to sign in and back", async () => {
    const digest = await digestOf(actionOrFailurePage(async () => { throw new AppError("UNAUTHENTICATED", "x"); }));
    expect(digest).toContain("NEXT_REDIRECT");
    expect(digest).toContain("/signin?callbackUrl=%2Finstructor%2Fquestions%2Fq1");
  });

  it("answers not found and bad input with 404, not yours with 403", async () => {
    expect(await digestOf(actionOrFailurePage(async () => { throw new AppError("NOT_FOUND", "x"); }))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    expect(await digestOf(actionOrFailurePage(async () => actionId(7)))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    expect(await digestOf(actionOrFailurePage(async () => { throw new AppError("INVALID", "x"); }))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    expect(await digestOf(actionOrFailurePage(async () => { throw new AppError("FORBIDDEN", "x"); }))).toBe("NEXT_HTTP_ERROR_FALLBACK;403");
  });

  it("returns the work's result and lets unexpected errors through", async () => {
    await expect(actionOrFailurePage(async () => 5)).resolves.toBe(5);
    await expect(actionOrFailurePage(async () => { throw new AppError("CONFLICT", "busy"); })).rejects.toThrow("busy");
  });
});
