import { describe, expect, it } from "vitest";
import { extractFigures } from "./figures";
import { parseDocument } from "./parse-document";
import { lexicon } from "./test-helpers";

const figuresOf = (text: string, language: "en" | "zh") => extractFigures(parseDocument("t.txt", `---\ntitle: T\nlanguage: ${language}\n---\n${text}`), lexicon);

describe("extractFigures", () => {
  it("pairs 分别 lists with subjects in order, and attaches the year and forecasts", () => {
    const f = figuresOf("2018年中美研发强度分别为2.18%和2.81%。预计2030年中美研发强度分别为3.32%和3.01%。", "zh");
    expect(f.map((x) => [x.text, x.subject, x.time])).toEqual([
      ["2.18%", "中国", "2018"],
      ["2.81%", "美国", "2018"],
      ["3.32%", "中国", "2030 (forecast)"],
      ["3.01%", "美国", "2030 (forecast)"],
    ]);
  });
  it("pairs 'respectively' in English, and leaves subjects unpaired when the counts differ", () => {
    const en = figuresOf("In 2030, Japan and the US are expected to spend 3.4% and 3.1% of GDP on research respectively.", "en");
    expect(en.map((x) => [x.subject, x.time])).toEqual([
      ["Japan", "2030 (forecast)"],
      ["the United States", "2030 (forecast)"],
    ]);
    const mismatch = figuresOf("2018年中美分别为2.18%、2.81%和3.01%。", "zh");
    // Not paired (three values, two subjects): no value is given to the US.
    expect(mismatch).toHaveLength(3);
    expect(mismatch.some((x) => x.subject === "美国")).toBe(false);
  });
  it("attaches the sectors a sentence names, or its section's", () => {
    const f = figuresOf("1. CNC machine tools (imports)\n\nAbout 80% of high-end units are imported.", "en");
    expect(f[0].sectorIds).toEqual(["machine-tools"]);
  });
  it("skips boilerplate paragraphs", () => {
    expect(figuresOf("Real text.\n\nPrices rose 5% picture", "en")).toEqual([]);
  });
});

describe("extractFigures, several lists in one sentence", () => {
  it("pairs each 分别 list on its own and ignores values of another kind", () => {
    const f = figuresOf("2018年中美研发强度分别为2.18%和2.81%,与2010年相比增速分别为27%和3%,中国增速是美国的9倍。", "zh");
    expect(f.filter((x) => x.kind === "percent").map((x) => x.subject)).toEqual(["中国", "美国", "中国", "美国"]);
  });
});
