import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/server/auth/session";
import { getDashboard, type NextStep } from "@/lib/server/data/progress";
import { now } from "@/lib/server/clock";
import { MIN_DISTINCT_QUESTIONS } from "@/lib/quiz/mastery";
import { getLocale, getTranslations } from "next-intl/server";
import { QuizSubjectName } from "@/components/quiz-subject";
import { ScoreChart } from "@/components/charts/score-chart";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("title") };
}

const percent = (v: number | null) => (v === null ? "—" : `${Math.round(v * 100)}%`);

/**
 * A value cell that, on a phone, shows its column's name above the value (the header row is hidden
 * there). The value (a number, a duration: "0 秒") never wraps inside a narrow column.
 */
function LessonCell({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <td data-label={label} className="before:block before:text-xs before:text-slate-600 before:content-[attr(data-label)] sm:p-2 sm:before:hidden">
      <span className="whitespace-nowrap">{children}</span>
    </td>
  );
}

export default async function DashboardPage() {
  const user = await requireUser();
  const [d, t, locale] = await Promise.all([getDashboard(user, await now()), getTranslations("dashboard"), getLocale()]);
  const nextStepWords = (next: NextStep) =>
    next.kind === "review" ? t("next.review", { count: next.count }) : t.rich(`next.${next.kind}`, { subject: () => <QuizSubjectName subject={next.subject} /> });
  const minutes = (ms: number) => (ms < 60_000 ? t("lessons.seconds", { seconds: Math.round(ms / 1000) }) : t("lessons.minutes", { minutes: Math.round(ms / 60_000) }));
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>

      {d.next && (
        <section aria-labelledby="next-heading" className="rounded-lg border border-brand-600 bg-brand-50 p-4">
          <h2 id="next-heading" className="font-semibold">
            {t("next.heading")}
          </h2>
          <Link href={d.next.href} className="text-brand-700 underline">
            {nextStepWords(d.next)}
          </Link>
        </section>
      )}

      {d.unfinished.length > 0 && (
        <section aria-labelledby="open-heading" className="space-y-2">
          <h2 id="open-heading" className="text-lg font-semibold">
            {t("unfinished.heading")}
          </h2>
          <ul className="space-y-1">
            {d.unfinished.map((u) => (
              <li key={u.attemptId}>
                <Link href={`/quiz/${u.attemptId}`} className="text-brand-700 underline">
                  {t.rich("unfinished.continue", { subject: () => <QuizSubjectName subject={u.subject} /> })}
                </Link>{" "}
                <span className="text-sm text-slate-700">
                  {t("unfinished.answered", { answered: u.answered, total: u.total })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="lessons-heading" className="space-y-2">
        <h2 id="lessons-heading" className="text-lg font-semibold">
          {t("lessons.heading")}
        </h2>
        {/* Below `sm` each row is a card of label/value pairs (the labels come from data-label), so
            no column hides behind a sideways scroll; from `sm` up it is the plain table. */}
        <div className="sm:overflow-x-auto">
          <table className="block w-full border-collapse text-left text-sm sm:table sm:min-w-[36rem] sm:bg-white">
            <thead className="sr-only sm:not-sr-only">
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">{t("lessons.lesson")}</th>
                <th scope="col" className="p-2">{t("lessons.mastery")}</th>
                <th scope="col" className="p-2">{t("lessons.best")}</th>
                <th scope="col" className="p-2">{t("lessons.last")}</th>
                <th scope="col" className="p-2">{t("lessons.quizzes")}</th>
                <th scope="col" className="p-2">{t("lessons.time")}</th>
              </tr>
            </thead>
            <tbody className="block space-y-2 sm:table-row-group sm:space-y-0">
              {d.lessons.map((l) => (
                <tr
                  key={l.slug}
                  className="grid grid-cols-2 gap-x-4 gap-y-1 rounded border border-slate-200 bg-white p-3 sm:table-row sm:rounded-none sm:border-0 sm:border-b sm:p-0"
                  data-testid={`lesson-row-${l.slug}`}
                >
                  <th scope="row" className="col-span-2 font-normal sm:p-2">
                    <Link href={`/lessons/${l.slug}`} lang={l.language} className="text-brand-700 underline">
                      {l.title}
                    </Link>
                  </th>
                  <LessonCell label={t("lessons.mastery")}>{t(`mastery.${l.mastery}`)}</LessonCell>
                  <LessonCell label={t("lessons.best")}>{percent(l.bestScore)}</LessonCell>
                  <LessonCell label={t("lessons.last")}>{percent(l.lastScore)}</LessonCell>
                  <LessonCell label={t("lessons.quizzes")}>{l.attempts}</LessonCell>
                  <LessonCell label={t("lessons.time")}>{minutes(l.timeSpentMs)}</LessonCell>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="text-sm text-slate-700">
          {t("lessons.explain", { min: MIN_DISTINCT_QUESTIONS })}
        </p>
      </section>

      <section aria-labelledby="sectors-heading" className="space-y-2">
        <h2 id="sectors-heading" className="text-lg font-semibold">
          {t("sectors.heading")}
        </h2>
        <ul className="grid gap-2 sm:grid-cols-2">
          {d.sectors
            .filter((s) => s.answered > 0)
            .map((s) => (
              <li key={s.id} className="rounded border border-slate-200 bg-white p-2 text-sm">
                <Link href={`/sectors#${s.id}`} className="text-brand-700 underline">
                  {locale === "zh" ? (
                    <>
                      {s.nameZh} <span lang="en">{s.nameEn}</span>
                    </>
                  ) : (
                    <>
                      {s.nameEn} <span lang="zh">{s.nameZh}</span>
                    </>
                  )}
                </Link>
                {locale === "zh" ? "：" : ": "}
                {t("sectors.item", { mastery: t(`mastery.${s.mastery}`), count: s.answered })}
              </li>
            ))}
        </ul>
        {d.sectors.every((s) => s.answered === 0) ? (
          <p className="text-slate-700">{t("sectors.empty")}</p>
        ) : (
          <p className="text-sm text-slate-700">{t("sectors.explain", { min: MIN_DISTINCT_QUESTIONS })}</p>
        )}
      </section>

      <section aria-labelledby="chart-heading" className="space-y-2">
        <h2 id="chart-heading" className="text-lg font-semibold">
          {t("chart.heading")}
        </h2>
        <ScoreChart points={d.history} />
      </section>
    </div>
  );
}
