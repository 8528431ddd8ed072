import { describe, expect, it } from "vitest";
import { escapeHtml, lessonBodyHtml, sentenceParts } from "./lesson-html";
import type { LessonBody } from "@/lib/schemas/lesson";

const figure = (id: string, sentenceId: string, text: string, kind = "share") => ({ id, sentenceId, text, kind });

describe("lesson text as HTML", () => {
  it("escapes text and attributes", () => {
    expect(escapeHtml(`<b>"R&D" 'x'</b>`)).toBe("&lt;b&gt;&quot;R&amp;D&quot; &#39;x&#39;&lt;/b&gt;");
  });

  it("splits a sentence into text and figures in order, the first of overlapping figures winning", () => {
    const a = figure("f1", "s1", "40%");
    const b = figure("f2", "s1", "40% of");
    const c = figure("f3", "s1", "$2 billion", "money");
    expect(sentenceParts("Up 40% of $2 billion.", [c, b, a])).toEqual(["Up ", b, " ", c, "."]);
    expect(sentenceParts("No figure here.", [figure("f4", "s1", "90%")])).toEqual(["No figure here."]);
  });

  it("renders sections, paragraphs and one linkable span per sentence, figures marked", () => {
    const body: LessonBody = {
      sections: [
        { id: "sec-1", heading: "Costs & <shares>", paragraphs: [{ id: "p-1", sentences: [{ id: "s1", text: "A share of 40%." }, { id: "s2", text: "Then <more>." }] }] },
        { id: "sec-2", heading: null, paragraphs: [{ id: "p-2", sentences: [{ id: "s3", text: "End." }] }] },
      ],
      figures: [figure("f1", "s1", "40%")],
    };
    const html = lessonBodyHtml(body, "en");
    expect(html).toBe(
      `<section id="sec-1" aria-label="Costs &amp; &lt;shares&gt;" class="space-y-4"><h2 class="text-xl font-semibold">Costs &amp; &lt;shares&gt;</h2>` +
        `<p id="p-1" class="max-w-prose text-lg leading-8 text-slate-800">` +
        `<span id="s1" class="lesson-sentence scroll-mt-20 rounded">A share of <mark data-figure="share" class="rounded bg-amber-100 px-0.5 text-inherit">40%</mark>. </span>` +
        `<span id="s2" class="lesson-sentence scroll-mt-20 rounded">Then &lt;more&gt;. </span></p></section>` +
        `<section id="sec-2" class="space-y-4"><p id="p-2" class="max-w-prose text-lg leading-8 text-slate-800"><span id="s3" class="lesson-sentence scroll-mt-20 rounded">End. </span></p></section>`,
    );
  });

  it("runs Chinese sentences on without a space", () => {
    const body: LessonBody = { sections: [{ id: "a", heading: null, paragraphs: [{ id: "p", sentences: [{ id: "s1", text: "第一句。" }, { id: "s2", text: "第二句。" }] }] }], figures: [] };
    expect(lessonBodyHtml(body, "zh")).toContain(`第一句。</span><span id="s2"`);
  });
});
