import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/server/auth/session";
import { getSourceHeatmap } from "@/lib/server/data/question-stats";
import { decodeParamOrNotFound, orNotFound } from "@/lib/server/http";

export const metadata: Metadata = { title: "Source heatmap" };

/** Shade from none (no misses) to strong red (every answer wrong); text stays dark for contrast. */
function shade(missRate: number) {
  return `rgba(220, 38, 38, ${(0.08 + missRate * 0.42).toFixed(2)})`;
}

export default async function HeatmapPage({ params }: { params: Promise<{ classId: string; lessonSlug: string }> }) {
  const user = await requireRole("INSTRUCTOR", "ADMIN");
  const { classId, lessonSlug } = await params;
  const { lesson, sentences } = await orNotFound(getSourceHeatmap(user, classId, decodeParamOrNotFound(lessonSlug)));
  const ranked = Object.entries(sentences).sort((a, b) => b[1].missRate - a[1].missRate);
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={`/instructor/classes/${classId}`} className="text-brand-700 underline">
          ← Class
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">
        Where the class goes wrong: <span lang={lesson.language}>{lesson.title}</span>
      </h1>
      <p className="text-slate-700">
        Each sentence is shaded by the share of wrong answers to the questions that cite it (darker: re-teach this). Unshaded sentences have no answered questions.
        {ranked[0] && ` Most missed: ${Math.round(ranked[0][1].missRate * 100)}% wrong over ${ranked[0][1].answers} answers.`}
      </p>
      <article lang={lesson.language} className="space-y-4" data-testid="heatmap">
        {lesson.body.sections.map((section) => (
          <section key={section.id} className="space-y-3">
            {section.heading && <h2 className="text-lg font-semibold">{section.heading}</h2>}
            {section.paragraphs.map((p) => (
              <p key={p.id} className="max-w-prose leading-8">
                {p.sentences.map((s) => {
                  const cell = sentences[s.id];
                  return (
                    <span
                      key={s.id}
                      data-miss-rate={cell ? cell.missRate.toFixed(2) : undefined}
                      title={cell ? `${Math.round(cell.missRate * 100)}% wrong · ${cell.answers} answers` : undefined}
                      style={cell ? { backgroundColor: shade(cell.missRate) } : undefined}
                      className="rounded"
                    >
                      {s.text}
                      {cell && <span className="sr-only"> ({Math.round(cell.missRate * 100)}% of {cell.answers} answers wrong)</span>}
                      {lesson.language === "zh" ? "" : " "}
                    </span>
                  );
                })}
              </p>
            ))}
          </section>
        ))}
      </article>
    </div>
  );
}
