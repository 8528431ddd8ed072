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
import { EXPORT_STRINGS } from "@/components/instructor/export-strings";

export const metadata: Metadata = { title: "Question statistics" };

const FLAG_LABEL = { "too-easy": "too easy", "too-hard": "too hard", "poor-discrimination": "poor discrimination", "non-functional-distractor": "non-functional distractor" } as Record<string, string>;
const num = (v: number | null) => (v === null ? "—" : v.toFixed(2));

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
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={classId ? `/instructor/classes/${classId}` : "/instructor"} className="text-brand-700 underline">
          ← Back
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">Question statistics {classId ? "for this class" : "for all students"}</h1>
      {!classId && (
        <p className="text-sm text-slate-700" data-testid="computed-at">
          Calculated {minutesOld < 1 ? "just now" : `${minutesOld} minute${minutesOld === 1 ? "" : "s"} ago`} (kept for up to {SNAPSHOT_MAX_AGE_MS / 60_000} minutes, as
          they read every answer).{" "}
          <Link href={`/instructor/questions?recalculate=1${lesson ? `&lesson=${lesson}` : ""}`} className="text-brand-700 underline">
            Recalculate now
          </Link>
        </p>
      )}
      <p className="text-slate-700">
        Facility is the share of correct answers; discrimination compares the top and bottom 27% of students. Questions students flagged come first, then those with automatic flags, which need at least {THRESHOLDS.minAnswersForFlags} answers. Browse any
        lesson&apos;s questions:{" "}
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
        <p>No answers yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[48rem] border-collapse bg-white text-left text-sm" data-testid="question-stats">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">
                  {EXPORT_STRINGS.tickColumn}
                </th>
                <th scope="col" className="p-2">Question</th>
                <th scope="col" className="p-2">Answers</th>
                <th scope="col" className="p-2">Facility</th>
                <th scope="col" className="p-2">Discrimination</th>
                <th scope="col" className="p-2">Options chosen</th>
                <th scope="col" className="p-2">Flags</th>
                <th scope="col" className="p-2">Review</th>
              </tr>
            </thead>
            <tbody>
              {stats.map((s) => (
                <tr key={s.questionId} className="border-b border-slate-200 align-top">
                  <td className="p-2">
                    <input type="checkbox" name="id" value={s.questionId} form={EXPORT_FORM_ID} aria-label={EXPORT_STRINGS.tick(s.stem)} className="h-5 w-5" />
                  </td>
                  <th scope="row" className="p-2 font-normal">
                    <Link href={`/instructor/questions/${encodeURIComponent(s.questionId)}`} className="text-brand-700 underline" lang={s.language}>
                      {s.stem}
                    </Link>
                    <div className="text-xs text-slate-600">
                      {s.type} · {s.lessonSlug}
                      {s.retired ? " · retired" : ""}
                    </div>
                  </th>
                  <td className="p-2">{s.answers}</td>
                  <td className="p-2">{num(s.facility)}</td>
                  <td className="p-2">{num(s.discrimination)}</td>
                  <td className="p-2 text-xs">
                    {s.options
                      .filter((o) => o.id in s.optionShares)
                      .map((o) => (
                        <div key={o.id}>
                          {o.text}: {Math.round(s.optionShares[o.id] * 100)}%
                        </div>
                      ))}
                  </td>
                  <td className="p-2 text-xs">
                    {[...s.flags.map((f) => FLAG_LABEL[f]), ...(s.studentFlags ? [`${s.studentFlags} student flag${s.studentFlags > 1 ? "s" : ""}`] : [])].join(", ") || "—"}
                  </td>
                  <td className="p-2">
                    <form action={setRetiredAction.bind(null, s.questionId, !s.retired)}>
                      <button type="submit" className="rounded border border-slate-300 px-2 py-1 text-xs">
                        {s.retired ? "Restore" : "Retire"}
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
