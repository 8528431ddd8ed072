import { describe, expect, it } from "vitest";
import { validateDrafts } from "./validate";
import { extractFigures } from "./figures";
import { generateDrafts, type Draft } from "./generate";
import { parseDocument } from "./parse-document";
import { lexicon } from "./test-helpers";

function draftsOf(text: string, language: "en" | "zh" = "en") {
  const doc = parseDocument("t.txt", `---\ntitle: T\nlanguage: ${language}\n---\n${text}`);
  return generateDrafts({ doc, figures: extractFigures(doc, lexicon), lexicon, generatorVersion: "test" });
}
const failures = (d: Draft) => validateDrafts([d], lexicon).get(d)!.failed.map((f) => f.check);

const TEXT = "In 2019, China's robot industry grew 23% and the chip industry grew 17%. In 2020 the robot industry grew 31% while imports of chips fell 9%. In 2021, CNC machine tools made up 42% of the machinery output. Steel exports rose 12% in 2021.";

describe("checks", () => {
  const drafts = draftsOf(TEXT);
  const mc = drafts.find((d) => d.type === "figure-mc" && !d.rejectedReason && !d.check.compared)!;

  it("a sound multiple-choice draft passes every check", () => {
    expect(mc).toBeDefined();
    expect(failures(mc)).toEqual([]);
    expect(mc.options!.map((o) => o.text)).toHaveLength(4);
  });
  it("answerable: a stem without the year or with two blanks fails", () => {
    const year = mc.check.figure!.time!.slice(0, 4);
    expect(failures({ ...mc, stem: mc.stem.replace(year, "that year") })).toContain("answerable");
    expect(failures({ ...mc, stem: `${mc.stem} ____` })).toContain("answerable");
  });
  it("no-leak: the key written into the stem fails", () => {
    expect(failures({ ...mc, stem: `${mc.stem} (${mc.answerText})` })).toContain("no-leak");
  });
  it("option-hygiene: unsorted, duplicate or differently written options fail", () => {
    const options = mc.options!;
    expect(failures({ ...mc, check: { ...mc.check, optionValues: [...mc.check.optionValues!].reverse() } })).toContain("option-hygiene");
    expect(failures({ ...mc, options: [options[0], options[0], options[2], options[3]] })).toContain("option-hygiene");
    expect(failures({ ...mc, options: options.map((o, i) => (i === 0 ? { ...o, text: `${o.text}.0` } : o)) })).toContain("option-hygiene");
  });
  it("sibling-distractors: a parent or another level as distractor fails", () => {
    const sector = drafts.find((d) => d.type === "sector-id" && !d.rejectedReason)!;
    expect(failures(sector)).toEqual([]);
    expect(failures({ ...sector, check: { ...sector.check, distractorSectorIds: ["machinery"] } })).toContain("sibling-distractors");
  });
  it("single-fact: a negative statement to judge fails", () => {
    const tf = drafts.find((d) => d.type === "true-false")!;
    expect(failures({ ...tf, check: { ...tf.check, sentence: "Robots did not grow in 2019." } })).toContain("single-fact");
  });
  it("generation: bounds get no multiple choice ('more than 90%' would make smaller options true)", () => {
    const bounded = draftsOf("In 2020, more than 90% of chips were imported into China.").find((d) => d.type === "figure-mc")!;
    expect(failures(bounded)).toContain("generation");
  });
  it("sector questions never name their answer in the stem", () => {
    for (const d of drafts.filter((x) => x.type === "sector-id")) expect(failures(d)).not.toContain("no-leak");
  });
});
