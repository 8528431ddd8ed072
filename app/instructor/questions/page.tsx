import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/server/auth/session";
import { getQuestionStatistics, SNAPSHOT_MAX_AGE_MS } from "@/lib/server/data/question-stats";
import { listLessons } from "@/lib/server/data/lessons";
import { now } from "@/lib/server/clock";
import { orNotFound } from "@/lib/server/http";
import { THRESHOLDS } from "@/lib/quiz/item-stats";
import { setRetiredAction } from "@/app/instructor/actions";
import { listSectors } from "@/lib/server/data/sectors";
import { EXPORT_FORM_ID, ExportForm } from "@/components/instructor/export-form";
import { getFormatter, getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("instructor.questions"))("title") };
}

type Messages = import("next-intl").Messages["instructor"]["questions"];

export default async function QuestionStatsPage({ searchParams }: { searchParams: Promise<{ classId?: string; lesson?: string; recalculate?: string }> }) {
  const user = await requireRole("INSTRUCTOR", "ADMIN");
  const { classId, lesson, recalculate } = await searchParams;
  const clock = await now();
  const [{ rows: stats, computedAt }, lessons, sectors] = await Promise.all([
    orNotFound(getQuestionStatistics(user, { classId, lessonSlug: lesson, recalculate: recalculate === "1" }, clock)),
    listLessons(user),
    listSectors(user),
  ]);
  const minutesOld = Math.floor((clock.getTime() - computedAt.getTime()) / 60_000);
  const [t, tx, back, format] = await Promise.all([getTranslations("instructor.questions"), getTranslations("instructor.export"), getTranslations("instructor.back"), getFormatter()]);
  const num = (v: number | null) => (v === null ? "—" : format.number(v, { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
  const flag = (f: string) => (t.has(`flags.${f as keyof Messages["flags"]}`) ? t(`flags.${f as keyof Messages["flags"]}`) : f);
  const type = (ty: string) => (t.has(`types.${ty as keyof Messages["types"]}`) ? t(`types.${ty as keyof Messages["types"]}`) : ty);
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={classId ? `/instructor/classes/${classId}` : "/instructor"} className="text-brand-700 underline">
          {back("back")}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{t("heading", { forClass: classId ? "yes" : "no" })}</h1>
      {!classId && (
        <p className="text-sm text-slate-700" data-testid="computed-at">
          {t("computed", { minutes: Math.max(0, minutesOld), maxMinutes: SNAPSHOT_MAX_AGE_MS / 60_000 })}{" "}
          <Link href={`/instructor/questions?recalculate=1${lesson ? `&lesson=${lesson}` : ""}`} className="text-brand-700 underline">
            {t("recalculate")}
          </Link>
        </p>
      )}
      <p className="text-slate-700">
        {t("intro", { minAnswers: THRESHOLDS.minAnswersForFlags })}{" "}
        {lessons.map((l, i) => (
          <span key={l.slug}>
            {i > 0 && " · "}
            <Link href={`/instructor/questions?lesson=${l.slug}${classId ? `&classId=${classId}` : ""}`} className="text-brand-700 underline" lang={l.language}>
              {l.title}
            </Link>
          </span>
        ))}
      </p>
      <ExportForm lessons={lessons} sectors={sectors} lesson={lesson} canTick={stats.length > 0} />
      {stats.length === 0 ? (
        <p>{t("noAnswers")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[48rem] border-collapse bg-white text-left text-sm" data-testid="question-stats">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">
                  {tx("tickColumn")}
                </th>
                {(["question", "answers", "facility", "discrimination", "options", "flags", "review"] as const).map((c) => (
                  <th key={c} scope="col" className="p-2">
                    {t(`columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {stats.map((s) => (
                <tr key={s.questionId} className="border-b border-slate-200 align-top">
                  <td className="p-2">
                    <input type="checkbox" name="id" value={s.questionId} form={EXPORT_FORM_ID} aria-label={tx("tick", { stem: s.stem })} className="h-5 w-5" />
                  </td>
                  <th scope="row" className="p-2 font-normal">
                    <Link href={`/instructor/questions/${encodeURIComponent(s.questionId)}`} className="text-brand-700 underline" lang={s.language}>
                      {s.stem}
                    </Link>
                    <div className="text-xs text-slate-600">
                      {type(s.type)} · {s.lessonSlug}
                      {s.retired ? ` · ${t("retired")}` : ""}
                    </div>
                  </th>
                  <td className="p-2">{format.number(s.answers)}</td>
                  <td className="p-2">{num(s.facility)}</td>
                  <td className="p-2">{num(s.discrimination)}</td>
                  <td className="p-2 text-xs">
                    {s.options
                      .filter((o) => o.id in s.optionShares)
                      .map((o) => (
                        <div key={o.id}>
                          <span lang={s.language}>{o.text}</span>: {format.number(Math.round(s.optionShares[o.id] * 100) / 100, { style: "percent" })}
                        </div>
                      ))}
                  </td>
                  <td className="p-2 text-xs">
                    {format.list([...(s.studentFlags ? [t("studentFlags", { count: s.studentFlags })] : []), ...s.flags.map(flag)], { type: "unit" }) || "—"}
                  </td>
                  <td className="p-2">
                    <form action={setRetiredAction.bind(null, s.questionId, !s.retired)}>
                      <button type="submit" className="rounded border border-slate-300 px-2 py-1 text-xs">
                        {s.retired ? t("restore") : t("retire")}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
