import { describe, expect, it } from "vitest";
import { heatmapShade } from "./heatmap-shade";

describe("heatmap shade", () => {
  it("leaves a sentence nobody got wrong untinted", () => {
    expect(heatmapShade(0)).toBeUndefined();
  });
  it("darkens as more answers are wrong", () => {
    expect(heatmapShade(0.01)).toBe("rgba(220, 38, 38, 0.08)");
    expect(heatmapShade(1)).toBe("rgba(220, 38, 38, 0.50)");
  });
});
