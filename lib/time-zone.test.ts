import { describe, expect, it } from "vitest";
import { dayIn, endOfDayIn, knownTimeZone } from "./time-zone";

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
