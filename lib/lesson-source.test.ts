import { describe, expect, it } from "vitest";
import { readerSource } from "./lesson-source";

describe("readerSource", () => {
  it("drops the corpus id and keeps publisher, title and date", () => {
    expect(readerSource("News article (seed 002_4a9b1d2728d12ede), Global Times, 6th China Manufacturing Day.")).toBe("News article, Global Times, 6th China Manufacturing Day");
    expect(readerSource("Wu Fuxiang (吴福象), Manufacturing and Innovation, 人民论坛·学术前沿, 2023 (seed 003_813e5d0dfb422107).")).toBe("Wu Fuxiang (吴福象), Manufacturing and Innovation, 人民论坛·学术前沿, 2023");
    expect(readerSource("News article (seed 001_8cc62605d99059fe), part 1, on the 2018 National Manufacturing Expert Forum.")).toBe("News article, part 1, on the 2018 National Manufacturing Expert Forum");
  });

  it("drops an editor's note after the citation, but not at an initial", () => {
    expect(readerSource("News article (seed 000_08d123c815c09eb7). Eight numbered sectors.")).toBe("News article");
    expect(readerSource("J. Smith, U.S. Trade Review, 2021. Two parts.")).toBe("J. Smith, U.S. Trade Review, 2021");
  });

  it("shows nothing when only internal text was there", () => {
    expect(readerSource("(seed 004_fffbaf5d6f0c1096).")).toBeNull();
    expect(readerSource(null)).toBeNull();
    expect(readerSource("")).toBeNull();
  });
});
