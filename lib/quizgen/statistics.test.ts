import { describe, expect, it } from "vitest";
import { binomialTestTwoSided, chiSquareUniform } from "./statistics";

describe("statistics", () => {
  it("binomial test matches known values", () => {
    expect(binomialTestTwoSided(25, 100, 0.25)).toBeCloseTo(1, 5);
    expect(binomialTestTwoSided(40, 100, 0.25)).toBeLessThan(0.002);
    expect(binomialTestTwoSided(7, 10, 0.5)).toBeCloseTo(0.34375, 5); // R: binom.test(7, 10)
  });
  it("χ² uniform test matches known values", () => {
    expect(chiSquareUniform([25, 25, 25, 25]).p).toBeCloseTo(1, 6);
    const r = chiSquareUniform([30, 20, 25, 25]); // statistic 2, df 3 → p 0.5724
    expect(r.statistic).toBeCloseTo(2);
    expect(r.p).toBeCloseTo(0.5724, 3);
    expect(chiSquareUniform([70, 10, 10, 10]).p).toBeLessThan(1e-10);
  });
});
