import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { HTML_LANG } from "@/i18n/config";
import { requireRole } from "@/lib/server/auth/session";
import { getStudentDrilldown } from "@/lib/server/data/class-progress";
import { orNotFound } from "@/lib/server/http";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("instructor.student"))("title") };
}

export default async function StudentDrilldownPage({ params }: { params: Promise<{ classId: string; studentId: string }> }) {
  const user = await requireRole("INSTRUCTOR", "ADMIN");
  const { classId, studentId } = await params;
  const { student, attempts, timeZone } = await orNotFound(getStudentDrilldown(user, classId, studentId, await getLocale()));
  const [t, back, format, locale] = await Promise.all([getTranslations("instructor.student"), getTranslations("instructor.back"), getFormatter(), getLocale()]);
  // Times in the class's time zone, written the reader's way.
  const when = (d: Date) => format.dateTime(d, { timeZone, dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={`/instructor/classes/${classId}`} className="text-brand-700 underline">
          {back("class")}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">
        {student.name} <span className="text-base font-normal text-slate-600">{student.email}</span>
      </h1>
      {attempts.length === 0 && <p>{t("noQuizzes")}</p>}
      {attempts.map((a) => (
        <section key={a.id} aria-label={t("attemptLabel", { started: when(a.startedAt) })} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="font-semibold">
            {t("attemptHeading", {
              scope: a.scope,
              title: a.title,
              started: when(a.startedAt),
              finished: a.finishedAt ? "yes" : "no",
              score: format.number(Math.round((a.score ?? 0) * 100) / 100, { style: "percent" }),
              answered: a.responses.length,
              total: a.totalCount,
            })}
          </h2>
          <ol className="space-y-2">
            {a.responses.map((r) => (
              <li key={r.questionId} className={`rounded border-l-4 p-2 ${r.correct ? "border-green-700" : "border-red-700 bg-red-50"}`}>
                <p lang={r.language}>{r.stem}</p>
                <p className="text-sm" data-testid="student-answer">
                  {r.correct ? t("correct") : t("wrong")} · {t("answered")} <span lang={r.language}>{r.answerAsSeen}</span> · {t("key")} <span lang={r.language}>{r.answerText}</span>
                  {r.readAs ? ` · ${t("readAs", { value: r.readAs })}` : ""} · {t("seconds", { seconds: Math.round(r.timeTakenMs / 1000) })}
                </p>
                {!r.correct && (
                  <blockquote lang={r.language} className="border-l-2 border-slate-400 pl-2 text-sm text-slate-700">
                    “{r.source.quote}”{" "}
                    <Link href={`/lessons/${r.lessonSlug}#${r.source.sentenceId}`} className="text-brand-700 underline" lang={HTML_LANG[locale]}>
                      {t("source")}
                    </Link>
                  </blockquote>
                )}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
