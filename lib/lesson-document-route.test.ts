import { describe, expect, it } from "vitest";
import { lessonDocumentRoute } from "./lesson-document-route";

describe("lessonDocumentRoute", () => {
  it("sends a lesson page opened as a document to the cached page's route", () => {
    expect(lessonDocumentRoute("GET", "/lessons/chip-exports", {})).toBe("/api/lesson-document/chip-exports");
    expect(lessonDocumentRoute("HEAD", "/lessons/%E4%B8%AD%E5%9B%BD", {})).toBe("/api/lesson-document/%E4%B8%AD%E5%9B%BD");
  });

  it("leaves everything else to Next and the page, as the proxy did", () => {
    expect(lessonDocumentRoute("POST", "/lessons/chip-exports", {})).toBeNull();
    expect(lessonDocumentRoute("GET", "/lessons/chip-exports?x=1", {})).toBeNull();
    expect(lessonDocumentRoute("GET", "/lessons/chip-exports/", {})).toBeNull();
    expect(lessonDocumentRoute("GET", "/lessons", {})).toBeNull();
    expect(lessonDocumentRoute("GET", "/lessons/a/b", {})).toBeNull();
    expect(lessonDocumentRoute("GET", "/lessons/%E0%A4%A", {})).toBeNull();
    for (const header of ["rsc", "next-router-prefetch", "next-action", "x-lesson-render"]) {
      expect(lessonDocumentRoute("GET", "/lessons/chip-exports", { [header]: "1" })).toBeNull();
    }
  });
});
