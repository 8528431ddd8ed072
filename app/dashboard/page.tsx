import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/server/auth/session";
import { getDashboard } from "@/lib/server/data/progress";
import { now } from "@/lib/server/clock";
import { MASTERY_LABEL, MIN_DISTINCT_QUESTIONS } from "@/lib/quiz/mastery";
import { ScoreChart } from "@/components/charts/score-chart";

export const metadata: Metadata = { title: "Your progress" };

const percent = (v: number | null) => (v === null ? "—" : `${Math.round(v * 100)}%`);
const minutes = (ms: number) => (ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`);

/** A value cell that, on a phone, shows its column's name above the value (the header row is hidden there). */
function LessonCell({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <td data-label={label} className="before:block before:text-xs before:text-slate-600 before:content-[attr(data-label)] sm:p-2 sm:before:hidden">
      {children}
    </td>
  );
}

export default async function DashboardPage() {
  const user = await requireUser();
  const d = await getDashboard(user, await now());
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Your progress</h1>

      {d.next && (
        <section aria-labelledby="next-heading" className="rounded-lg border border-brand-600 bg-brand-50 p-4">
          <h2 id="next-heading" className="font-semibold">
            What to do next
          </h2>
          <Link href={d.next.href} className="text-brand-700 underline">
            {d.next.text}
          </Link>
        </section>
      )}

      {d.unfinished.length > 0 && (
        <section aria-labelledby="open-heading" className="space-y-2">
          <h2 id="open-heading" className="text-lg font-semibold">
            Unfinished quizzes
          </h2>
          <ul className="space-y-1">
            {d.unfinished.map((u) => (
              <li key={u.attemptId}>
                <Link href={`/quiz/${u.attemptId}`} className="text-brand-700 underline">
                  Continue: {u.label}
                </Link>{" "}
                <span className="text-sm text-slate-700">
                  ({u.answered} of {u.total} answered)
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="lessons-heading" className="space-y-2">
        <h2 id="lessons-heading" className="text-lg font-semibold">
          Lessons
        </h2>
        {/* Below `sm` each row is a card of label/value pairs (the labels come from data-label), so
            no column hides behind a sideways scroll; from `sm` up it is the plain table. */}
        <div className="sm:overflow-x-auto">
          <table className="block w-full border-collapse text-left text-sm sm:table sm:min-w-[36rem] sm:bg-white">
            <thead className="sr-only sm:not-sr-only">
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">Lesson</th>
                <th scope="col" className="p-2">Mastery</th>
                <th scope="col" className="p-2">Best</th>
                <th scope="col" className="p-2">Last</th>
                <th scope="col" className="p-2">Quizzes</th>
                <th scope="col" className="p-2">Time</th>
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
                  <LessonCell label="Mastery">{MASTERY_LABEL[l.mastery]}</LessonCell>
                  <LessonCell label="Best">{percent(l.bestScore)}</LessonCell>
                  <LessonCell label="Last">{percent(l.lastScore)}</LessonCell>
                  <LessonCell label="Quizzes">{l.attempts}</LessonCell>
                  <LessonCell label="Time">{minutes(l.timeSpentMs)}</LessonCell>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="text-sm text-slate-700">
          Mastery: familiar from 70% on your latest quiz, proficient from 90%, mastered after two quizzes in a row at 90% or more. Proficient and mastered also need at least {MIN_DISTINCT_QUESTIONS} different questions of the lesson answered (all of them, if it has fewer).
        </p>
      </section>

      <section aria-labelledby="sectors-heading" className="space-y-2">
        <h2 id="sectors-heading" className="text-lg font-semibold">
          Sectors
        </h2>
        <ul className="grid gap-2 sm:grid-cols-2">
          {d.sectors
            .filter((s) => s.answered > 0)
            .map((s) => (
              <li key={s.id} className="rounded border border-slate-200 bg-white p-2 text-sm">
                <Link href={`/sectors#${s.id}`} className="text-brand-700 underline">
                  {s.nameEn} <span lang="zh">{s.nameZh}</span>
                </Link>
                : {MASTERY_LABEL[s.mastery]} ({s.answered} {s.answered === 1 ? "answer" : "answers"})
              </li>
            ))}
        </ul>
        {d.sectors.every((s) => s.answered === 0) && <p className="text-slate-700">Answer a few questions to see your sectors.</p>}
      </section>

      <section aria-labelledby="chart-heading" className="space-y-2">
        <h2 id="chart-heading" className="text-lg font-semibold">
          Scores over time
        </h2>
        <ScoreChart points={d.history} />
      </section>
    </div>
  );
}
