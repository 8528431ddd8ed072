import { describe, expect, it } from "vitest";
import { reviewSettingsSchema } from "./review";

describe("review settings", () => {
  it("reads a decimal comma as a decimal point", () => {
    expect(reviewSettingsSchema.parse({ desiredRetention: "0,85", newCardsPerDay: "20" })).toEqual({ desiredRetention: 0.85, newCardsPerDay: 20 });
    expect(reviewSettingsSchema.parse({ desiredRetention: " ,9 ", newCardsPerDay: "0" }).desiredRetention).toBe(0.9);
  });
  it("still refuses what is not one number or out of range", () => {
    expect(reviewSettingsSchema.safeParse({ desiredRetention: "0,8,5", newCardsPerDay: "20" }).success).toBe(false);
    expect(reviewSettingsSchema.safeParse({ desiredRetention: "0,5", newCardsPerDay: "20" }).success).toBe(false);
  });
});
