import { describe, expect, it } from "vitest";
import { numberTokens, writesFigure } from "./number-tokens";

describe("figures written in a stem", () => {
  it("finds a figure only as itself, not inside a longer number", () => {
    expect(writesFigure("分别为____和27千件", "7千件")).toBe(false);
    expect(writesFigure("分别为____和7千件", "7千件")).toBe(true);
    expect(writesFigure("In 2021 the share was ____.", "2")).toBe(false);
    expect(writesFigure("a share of 12.5% in 2020", "12")).toBe(false);
    expect(writesFigure("a share of 12.5% in 2020", "12.5%")).toBe(true);
    expect(writesFigure("grew by 2, then 3", "2")).toBe(true);
  });
  it("lists whole numbers", () => {
    expect(numberTokens("In 2021, 12.5% and 1,200 units")).toEqual(["2021", "12.5", "1,200"]);
  });
});
