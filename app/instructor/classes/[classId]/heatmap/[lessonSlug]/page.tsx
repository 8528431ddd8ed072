import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/server/auth/session";
import { getSourceHeatmap } from "@/lib/server/data/question-stats";
import { decodeParamOrNotFound, orNotFound } from "@/lib/server/http";
import { HEATMAP_LEGEND, heatmapShade } from "@/lib/quiz/heatmap-shade";

export const metadata: Metadata = { title: "Source heatmap" };


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
        Each sentence is shaded by the share of wrong answers to the questions that cite it (darker: re-teach this). Unshaded sentences had no wrong answers, or no answers yet.
        {ranked[0] && ` Most missed: ${Math.round(ranked[0][1].missRate * 100)}% wrong over ${ranked[0][1].answers} answers.`}
      </p>
      <div>
        <h2 id="legend-heading" className="text-sm font-semibold">
          Legend
        </h2>
        <ul aria-labelledby="legend-heading" className="flex flex-wrap gap-x-4 gap-y-1 text-sm" data-testid="heatmap-legend">
          {HEATMAP_LEGEND.map((step) => (
            <li key={step.label} className="flex items-center gap-1.5">
              <span aria-hidden="true" className="inline-block h-4 w-6 rounded border border-slate-300" style={step.shade ? { backgroundColor: step.shade } : undefined} />
              {step.label}
            </li>
          ))}
        </ul>
      </div>
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
                      style={cell && heatmapShade(cell.missRate) ? { backgroundColor: heatmapShade(cell.missRate) } : undefined}
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
