import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { HTML_LANG } from "@/i18n/config";
import { requireRole } from "@/lib/server/auth/session";
import { getSourceHeatmap } from "@/lib/server/data/question-stats";
import { decodeParamOrNotFound, orNotFound } from "@/lib/server/http";
import { HEATMAP_LEGEND, heatmapShade } from "@/lib/quiz/heatmap-shade";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("instructor.heatmap"))("title") };
}

export default async function HeatmapPage({ params }: { params: Promise<{ classId: string; lessonSlug: string }> }) {
  const user = await requireRole("INSTRUCTOR", "ADMIN");
  const { classId, lessonSlug } = await params;
  const { lesson, sentences } = await orNotFound(getSourceHeatmap(user, classId, decodeParamOrNotFound(lessonSlug)));
  const ranked = Object.entries(sentences).sort((a, b) => b[1].missRate - a[1].missRate);
  const [t, back, format, locale] = await Promise.all([getTranslations("instructor.heatmap"), getTranslations("instructor.back"), getFormatter(), getLocale()]);
  const rate = (r: number) => format.number(Math.round(r * 100) / 100, { style: "percent" });
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={`/instructor/classes/${classId}`} className="text-brand-700 underline">
          {back("class")}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">
        {t.rich("heading", { title: lesson.title, lesson: (chunks) => <span lang={lesson.language}>{chunks}</span> })}
      </h1>
      <p className="text-slate-700">
        {t("intro")}
        {ranked[0] && ` ${t("mostMissed", { rate: rate(ranked[0][1].missRate), answers: ranked[0][1].answers })}`}
      </p>
      <div>
        <h2 id="legend-heading" className="text-sm font-semibold">
          {t("legend")}
        </h2>
        <ul aria-labelledby="legend-heading" className="flex flex-wrap gap-x-4 gap-y-1 text-sm" data-testid="heatmap-legend">
          {HEATMAP_LEGEND.map((step) => (
            <li key={step.band?.from ?? 0} className="flex items-center gap-1.5">
              <span aria-hidden="true" className="inline-block h-4 w-6 rounded border border-slate-300" style={step.shade ? { backgroundColor: step.shade } : undefined} />
              {step.band ? t("legendBand", step.band) : t("legendNone")}
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
                      title={cell ? t("cellTitle", { rate: rate(cell.missRate), answers: cell.answers }) : undefined}
                      style={cell && heatmapShade(cell.missRate) ? { backgroundColor: heatmapShade(cell.missRate) } : undefined}
                      className="rounded"
                    >
                      {s.text}
                      {cell && <span className="sr-only" lang={HTML_LANG[locale]}> {t("cellSr", { rate: rate(cell.missRate), answers: cell.answers })}</span>}
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
