import { describe, expect, it } from "vitest";
import { DocumentError, parseDocument } from "./parse-document";
import { build, seedFiles } from "./test-helpers";

describe("parseDocument", () => {
  it("works without front matter: title from the first line, language detected, slug from the file name", () => {
    const doc = parseDocument("My Notes 2024.txt", "Wind power\n\nIn 2022 wind turbines produced 21.5% of the electricity.");
    expect(doc).toMatchObject({ slug: "my-notes-2024", title: "Wind power", language: "en", source: null });
    const zh = parseDocument("稻米.txt", "水稻生产\n2021年水稻产量达2.13亿吨。");
    expect(zh.language).toBe("zh");
    expect(zh.slug).toMatch(/^doc-/);
  });
  it("keeps sentence ids when another paragraph changes", () => {
    const a = parseDocument("a.txt", "T\n\nFirst paragraph here. It has two sentences.\n\nSecond one.");
    const b = parseDocument("a.txt", "T\n\nFirst paragraph here. It has two sentences.\n\nSecond one, edited.");
    expect(b.sections[0].paragraphs[0].sentences.map((s) => s.id)).toEqual(a.sections[0].paragraphs[0].sentences.map((s) => s.id));
  });
  it("marks captions, link lists, WeChat, author notes and references as boilerplate", () => {
    const text = "T\n\nReal text here.\n\nLCD microspheres picture\n\nRelated links:\n\nAnother article title\n\nhttp://example.com/x\n\nWeChat";
    const doc = parseDocument("x.txt", text);
    const flags = doc.sections.flatMap((s) => s.paragraphs.map((p) => [p.sentences[0].text, p.boilerplate]));
    expect(flags).toEqual([["Real text here.", false], ["LCD microspheres picture", true], ["Related links:", true], ["Another article title", true], ["http://example.com/x", true], ["WeChat", true]]);
  });
  it.each([
    ["empty.txt", "   \n\n  ", /no text/],
    ["binary.txt", "abc\u0000\u0001def", /binary/],
    ["broken.md", "---\ntitle: [unclosed\n---\nBody.", /broken front matter/],
    ["unclosed.md", "---\ntitle: x\nBody without end", /no closing ---/],
    ["lang.md", "---\nlanguage: fr\n---\nBonjour.", /unknown language "fr"/],
  ])("rejects %s with a clear message", (name, text, message) => {
    expect(() => parseDocument(name, text)).toThrow(DocumentError);
    expect(() => parseDocument(name, text)).toThrow(message);
  });
});

describe("buildBundle with bad files", () => {
  it("names each bad file and its problem, and still builds the others", () => {
    const { bundle } = build([...seedFiles(), { name: "empty.txt", text: "" }, { name: "broken.md", text: "---\nslug: [x\n---\nText." }]);
    expect(bundle.errors.map((e) => e.file)).toEqual(["broken.md", "empty.txt"]);
    expect(bundle.errors[0].message).toMatch(/broken front matter/);
    expect(bundle.documents).toHaveLength(5);
  });
});
