import { describe, expect, it } from "vitest";
import { pushAll } from "./arrays";

describe("pushAll", () => {
  it("appends in order and returns the target", () => {
    const target = [1, 2];
    expect(pushAll(target, [3, 4])).toBe(target);
    expect(target).toEqual([1, 2, 3, 4]);
    expect(pushAll([] as number[], new Set([5, 6]))).toEqual([5, 6]);
  });
  it("appends more items than a function may take as arguments", () => {
    const many = Array.from({ length: 1_000_000 }, (_, i) => i);
    // What the spread form does: every item becomes an argument.
    expect(() => Array.prototype.push.apply([], many)).toThrow(RangeError);
    expect(pushAll([] as number[], many)).toHaveLength(1_000_000);
  });
});
