import { describe, expect, it } from "vitest";
import { build } from "./test-helpers";
import { withoutReferenceMarkers } from "./text";

describe("citation markers (decisions/0110)", () => {
  it.each([
    ["Exports of robots from Korea rose by 27% in 2021.[7]", "Exports of robots from Korea rose by 27% in 2021."],
    ["2018年中韩机器人出口额分别为12亿美元和9亿美元。［7］", "2018年中韩机器人出口额分别为12亿美元和9亿美元。"],
    ["增速分别为27%和3%,[6-9]中国增速是韩国的9倍", "增速分别为27%和3%,中国增速是韩国的9倍"],
    ["as the survey showed [3, 4] in Poland", "as the survey showed in Poland"],
  ])("%s", (text, expected) => expect(withoutReferenceMarkers(text)).toBe(expected));

  it("leaves no marker in what a student reads, and keeps the cited quote exact", () => {
    const text = [
      "2019年，韩国机器人出口额占其出口总额的16%。[3]2020年，日本机器人出口额占其出口总额的21%，[4-5]德国为18%。",
      "2021年，法国机器人出口额占其出口总额的9%。［6］2022年，意大利机器人出口额占其出口总额的12%。[7]",
    ].join("\n");
    const { questions } = build([{ name: "m.txt", text: `---\ntitle: M\nlanguage: zh\n---\n${text}\n` }]).bundle;
    expect(questions.length).toBeGreaterThan(0);
    for (const q of questions) {
      const read = JSON.stringify([q.stem, q.explanation, q.options, q.pairs ?? null, q.answerText]);
      expect(read, q.stem).not.toMatch(/\[\s*\d|［/);
    }
    expect(questions.some((q) => /\[\d|［/.test(q.source.quote))).toBe(true);
  });
});
