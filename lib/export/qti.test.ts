import { describe, expect, it } from "vitest";
import { strFromU8, unzipSync } from "fflate";
import type { QuizQuestion } from "@/lib/quiz/question";
import { exportStem, feedbackLines, keyOption, matchPairs, numericKey, orderedItems, type ExportBank } from "./bank";
import { QTI_NS, toQtiPackage } from "./qti";
import { generatedBanks, handWrittenBank, NASTY } from "./test-helpers";
import { htmlToText, parseXml } from "./xml-test-helpers";

type Node = Record<string, unknown>;
const ARRAYS = ["resource", "file", "dependency", "assessmentItemRef", "value", "simpleChoice", "simpleMatchSet", "simpleAssociableChoice", "outcomeDeclaration", "p"];
const INTERACTION = { "figure-mc": "choiceInteraction", "sector-id": "choiceInteraction", "figure-typed": "textEntryInteraction", "true-false": "choiceInteraction", matching: "matchInteraction", ordering: "orderInteraction" } as const;
const DECLARATION = { "figure-mc": ["single", "identifier"], "sector-id": ["single", "identifier"], "figure-typed": ["single", "float"], "true-false": ["single", "identifier"], matching: ["multiple", "directedPair"], ordering: ["ordered", "identifier"] } as const;
const text = (node: unknown) => (typeof node === "string" ? node : String((node as Node)["#text"] ?? ""));

/** Unpacks the package and checks it against IMS CP 1.1 and QTI 2.1's item structure. */
function check(bank: ExportBank) {
  const files = unzipSync(toQtiPackage(bank));
  const names = Object.keys(files);
  const read = (name: string) => strFromU8(files[name]);
  expect(names).toContain("imsmanifest.xml");

  const manifest = parseXml(read("imsmanifest.xml"), ARRAYS).manifest as Node;
  expect(manifest["@xmlns"]).toBe("http://www.imsglobal.org/xsd/imscp_v1p1");
  expect(manifest["@identifier"]).toBeTruthy();
  const resources = ((manifest.resources as Node).resource as Node[]).map((r) => ({ id: r["@identifier"] as string, type: r["@type"] as string, href: r["@href"] as string, files: (r.file as Node[]).map((f) => f["@href"]), deps: ((r.dependency as Node[] | undefined) ?? []).map((d) => d["@identifierref"]) }));
  const tests = resources.filter((r) => r.type === "imsqti_test_xmlv2p1");
  const items = resources.filter((r) => r.type === "imsqti_item_xmlv2p1");
  expect(tests).toHaveLength(1);
  expect(items).toHaveLength(bank.questions.length);
  expect(new Set(items.map((r) => r.id)).size).toBe(items.length);
  // Every resource's file is in the zip, every file of the zip is referenced, the test depends on every item.
  for (const r of resources) {
    expect(names).toContain(r.href);
    expect(r.files).toContain(r.href);
  }
  expect(names.filter((n) => n !== "imsmanifest.xml").sort()).toEqual(resources.map((r) => r.href).sort());
  expect(tests[0].deps.sort()).toEqual(items.map((r) => r.id).sort());

  const test = parseXml(read(tests[0].href), ARRAYS).assessmentTest as Node;
  expect(test["@xmlns"]).toBe(QTI_NS);
  const refs = (((test.testPart as Node).assessmentSection as Node).assessmentItemRef as Node[]).map((r) => [r["@identifier"], r["@href"]]);
  expect(refs).toEqual(items.map((r) => [r.id, r.href]));

  bank.questions.forEach((q: QuizQuestion, i) => {
    const raw = read(items[i].href);
    // QTI 2.1 fixes the order of an item's parts.
    const at = ["<responseDeclaration", "<outcomeDeclaration", "<itemBody", "<responseProcessing", "<modalFeedback"].map((tag) => raw.indexOf(tag));
    expect(at.every((p) => p > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const item = parseXml(raw, ARRAYS).assessmentItem as Node;
    expect(item["@xmlns"]).toBe(QTI_NS);
    expect(item).toMatchObject({ "@identifier": items[i].id, "@label": q.id, "@adaptive": "false", "@timeDependent": "false" });
    expect(item["@title"]).toBeTruthy();
    const declaration = item.responseDeclaration as Node;
    expect([declaration["@identifier"], declaration["@cardinality"], declaration["@baseType"]]).toEqual(["RESPONSE", ...DECLARATION[q.type]]);
    const correct = ((declaration.correctResponse as Node).value as unknown[]).map(text);
    expect((item.outcomeDeclaration as Node[]).map((o) => o["@identifier"])).toEqual(["SCORE", "FEEDBACK"]);
    const body = item.itemBody as Node;
    expect(htmlToText(text((body.p as unknown[])[0]))).toBe(exportStem(q));
    const interaction = (body[INTERACTION[q.type]] ?? ((body.p as Node[])[1] as Node | undefined)?.[INTERACTION[q.type]]) as Node;
    expect(interaction["@responseIdentifier"]).toBe("RESPONSE");
    const feedback = item.modalFeedback as Node;
    expect(feedback).toMatchObject({ "@outcomeIdentifier": "FEEDBACK", "@identifier": "SOURCE", "@showHide": "show" });
    expect((feedback.p as unknown[]).map((p) => htmlToText(text(p)))).toEqual(feedbackLines(q));
    const choiceText = (choices: Node[]) => new Map(choices.map((c) => [c["@identifier"] as string, htmlToText(text(c))]));
    switch (q.type) {
      case "figure-mc":
      case "sector-id": {
        const choices = choiceText(interaction.simpleChoice as Node[]);
        expect(interaction["@maxChoices"]).toBe("1");
        expect([...choices.values()]).toEqual(q.options!.map((o) => o.text));
        expect(correct.map((id) => choices.get(id))).toEqual([keyOption(q).text]);
        break;
      }
      case "true-false":
        expect((interaction.simpleChoice as Node[]).map((c) => c["@identifier"])).toEqual(["true", "false"]);
        expect(correct).toEqual([q.answerBool ? "true" : "false"]);
        break;
      case "figure-typed": {
        const key = numericKey(q);
        expect(correct.map(Number)).toEqual([key.value]);
        const equal = (((item.responseProcessing as Node).responseCondition as Node).responseIf as Node).equal as Node;
        expect(equal["@toleranceMode"]).toBe("absolute");
        expect((equal["@tolerance"] as string).split(" ").map(Number)).toEqual([key.tolerance, key.tolerance]);
        break;
      }
      case "matching": {
        const [lefts, rights] = (interaction.simpleMatchSet as Node[]).map((set) => choiceText(set.simpleAssociableChoice as Node[]));
        expect([...rights.values()]).toEqual(q.options!.map((o) => o.text));
        expect(correct.map((pair) => pair.split(" ")).map(([l, r]) => ({ left: lefts.get(l), right: rights.get(r) }))).toEqual(matchPairs(q));
        break;
      }
      case "ordering": {
        const choices = choiceText(interaction.simpleChoice as Node[]);
        expect(correct.map((id) => choices.get(id))).toEqual(orderedItems(q).map((o) => o.text));
        break;
      }
    }
  });
}

describe("QTI 2.1 package", () => {
  it("is a content package whose manifest lists every item file, each item well-formed with its key", () => {
    const bank = handWrittenBank();
    expect(bank.questions.some((q) => q.language === "zh" && q.stem.includes(NASTY))).toBe(true);
    check(bank);
  });

  it("holds every generated lesson's questions", () => {
    for (const bank of generatedBanks()) check(bank);
  });
});
