import { describe, expect, it } from "vitest";
import { documentRoute } from "./document-route";

describe("documentRoute", () => {
  it("sends a lesson page opened as a document to the cached page's route", () => {
    expect(documentRoute("GET", "/lessons/chip-exports", {})).toBe("/api/lesson-document/chip-exports");
    expect(documentRoute("HEAD", "/lessons/%E4%B8%AD%E5%9B%BD", {})).toBe("/api/lesson-document/%E4%B8%AD%E5%9B%BD");
  });

  it("sends the review page opened as a document, with its filter, to the cached page's route", () => {
    expect(documentRoute("GET", "/review", {})).toBe("/api/review-document");
    expect(documentRoute("GET", "/review?lesson=chip-exports&status=new", {})).toBe("/api/review-document?lesson=chip-exports&status=new");
    expect(documentRoute("POST", "/review", {})).toBeNull();
    expect(documentRoute("GET", "/review/settings", {})).toBeNull();
    expect(documentRoute("GET", "/reviewer", {})).toBeNull();
    for (const header of ["rsc", "next-router-prefetch", "next-action", "x-lesson-render"]) {
      expect(documentRoute("GET", "/review", { [header]: "1" })).toBeNull();
    }
  });

  it("leaves everything else to Next and the page, as the proxy did", () => {
    expect(documentRoute("POST", "/lessons/chip-exports", {})).toBeNull();
    expect(documentRoute("GET", "/lessons/chip-exports?x=1", {})).toBeNull();
    expect(documentRoute("GET", "/lessons/chip-exports/", {})).toBeNull();
    expect(documentRoute("GET", "/lessons", {})).toBeNull();
    expect(documentRoute("GET", "/lessons/a/b", {})).toBeNull();
    expect(documentRoute("GET", "/lessons/%E0%A4%A", {})).toBeNull();
    for (const header of ["rsc", "next-router-prefetch", "next-action", "x-lesson-render"]) {
      expect(documentRoute("GET", "/lessons/chip-exports", { [header]: "1" })).toBeNull();
    }
  });
});
