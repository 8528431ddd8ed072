import { describe, expect, it } from "vitest";
import { linkedLessons } from "./warm-up";

describe("linkedLessons", () => {
  it("finds the lesson pages a lesson list links to, once each, in order", () => {
    const html = '<a href="/lessons/b-two">B</a><a href="/lessons/a-one">A</a><a href="/lessons/b-two">again</a><a href="/lessons">all</a><a href="/lessons/x?y=1">q</a>';
    expect(linkedLessons(html)).toEqual(["b-two", "a-one"]);
  });
});
