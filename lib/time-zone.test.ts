import { describe, expect, it } from "vitest";
import { addDays, dayIn, daysBetween, endOfDayIn, knownTimeZone, startOfDayIn, validTimeZone } from "./time-zone";

describe("due dates in a class's time zone", () => {
  it("ends the chosen day at midnight where the class is", () => {
    expect(endOfDayIn("2030-06-30", "UTC")?.toISOString()).toBe("2030-06-30T23:59:59.999Z");
    expect(endOfDayIn("2030-06-30", "Asia/Shanghai")?.toISOString()).toBe("2030-06-30T15:59:59.999Z");
    expect(endOfDayIn("2030-06-30", "America/New_York")?.toISOString()).toBe("2030-07-01T03:59:59.999Z");
    expect(endOfDayIn("2030-12-30", "America/New_York")?.toISOString()).toBe("2030-12-31T04:59:59.999Z");
  });
  it("shows the same day back in that zone, not the UTC day", () => {
    for (const zone of ["UTC", "Asia/Shanghai", "America/New_York", "Pacific/Auckland"]) expect(dayIn(endOfDayIn("2030-06-30", zone)!, zone)).toBe("2030-06-30");
    expect(dayIn(endOfDayIn("2030-06-30", "America/New_York")!, "UTC")).toBe("2030-07-01");
  });
  it("refuses what is not a day, and unknown zones become UTC", () => {
    expect(endOfDayIn("2030-02-30", "UTC")).toBeNull();
    expect(endOfDayIn("tomorrow", "UTC")).toBeNull();
    expect(knownTimeZone("Asia/Shanghai")).toBe("Asia/Shanghai");
    expect(knownTimeZone("Mars/Olympus")).toBe("UTC");
    expect(knownTimeZone("")).toBe("UTC");
  });
});

describe("a learner's own day", () => {
  it("starts at midnight where the learner is, also on days the clocks change", () => {
    expect(startOfDayIn(new Date("2026-06-01T16:30:00Z"), "Asia/Shanghai").toISOString()).toBe("2026-06-01T16:00:00.000Z");
    expect(startOfDayIn(new Date("2026-06-01T15:59:59Z"), "Asia/Shanghai").toISOString()).toBe("2026-05-31T16:00:00.000Z");
    expect(startOfDayIn(new Date("2026-06-01T10:00:00Z"), "UTC").toISOString()).toBe("2026-06-01T00:00:00.000Z");
    // New York springs forward on 8 March 2026: midnight is still EST (UTC−5).
    expect(startOfDayIn(new Date("2026-03-08T18:00:00Z"), "America/New_York").toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(startOfDayIn(new Date("2026-03-09T18:00:00Z"), "America/New_York").toISOString()).toBe("2026-03-09T04:00:00.000Z");
  });
  it("counts calendar days", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(daysBetween("2026-06-30", "2026-07-02")).toBe(2);
    expect(daysBetween("2026-03-07", "2026-03-09")).toBe(2);
  });
  it("accepts only zones the runtime knows, by their canonical names", () => {
    expect(validTimeZone("asia/shanghai")).toBe("Asia/Shanghai");
    expect(validTimeZone(" Europe/London ")).toBe("Europe/London");
    expect(validTimeZone("UTC")).toBe("UTC");
    expect(validTimeZone("Mars/Olympus")).toBeNull();
    expect(validTimeZone("")).toBeNull();
    expect(validTimeZone(null)).toBeNull();
  });
});
