import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/server/auth/session";
import { listMyAssignments } from "@/lib/server/data/classes";
import { JoinClassForm } from "@/components/join-class-form";
import { StartQuizButtons } from "@/components/quiz/start-quiz-buttons";
import { quizOffer, type QuizOffer } from "@/lib/server/data/quiz-offers";
import { editorFor } from "@/lib/server/data/question-editor";
import { dayIn } from "@/lib/time-zone";
import { leaveClassAction } from "./actions";
import { getLocale, getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("classes"))("title") };
}

export default async function ClassesPage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const user = await requireUser();
  const { code = "" } = await searchParams;
  const [classes, t, tQuiz] = await Promise.all([getLocale().then((locale) => listMyAssignments(user, locale)), getTranslations("classes"), getTranslations("quiz.start")]);
  // Each assigned quiz's button states what that quiz really gives (one look-up per lesson or sector).
  const editorId = await editorFor(user);
  const scopes = [...new Set(classes.flatMap((c) => c.assignments.map((a) => `${a.scope}:${a.scopeId}`)))];
  const offers = new Map<string, QuizOffer>(
    await Promise.all(scopes.map(async (key) => {
      const [scope, scopeId] = [key.slice(0, key.indexOf(":")), key.slice(key.indexOf(":") + 1)];
      return [key, await quizOffer(user, scope as "lesson" | "sector", scopeId, editorId)] as const;
    })),
  );
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <section aria-labelledby="join-heading" className="space-y-2">
        <h2 id="join-heading" className="text-lg font-semibold">
          {t("join.heading")}
        </h2>
        <JoinClassForm code={code.slice(0, 20)} />
      </section>
      {classes.map((c) => (
        <section key={c.id} aria-labelledby={`class-${c.id}`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id={`class-${c.id}`} className="text-lg font-semibold">
              {c.name}
            </h2>
            <form action={leaveClassAction.bind(null, c.id)}>
              <button type="submit" className="rounded border border-slate-300 px-2 py-1 text-sm">
                {t("leave", { name: c.name })}
              </button>
            </form>
          </div>
          {c.assignments.length === 0 ? (
            <p className="text-slate-700">{t("nothingAssigned")}</p>
          ) : (
            <ul className="space-y-3">
              {c.assignments.map((a) => (
                <li key={a.id} className="space-y-1">
                  <p>
                    {a.scope === "lesson" ? (
                      <Link href={`/lessons/${a.scopeId}`} className="text-brand-700 underline">
                        {t("lesson", { title: a.title })}
                      </Link>
                    ) : (
                      <Link href={`/sectors#${a.scopeId}`} className="text-brand-700 underline">
                        {t("sector", { title: a.title })}
                      </Link>
                    )}
                    {a.dueAt && <span className="text-sm text-slate-700">{t("due", { day: dayIn(a.dueAt, c.timeZone) })}</span>}
                    <span className="text-sm text-slate-700">{t("score", { score: a.score === null ? "—" : `${Math.round(a.score * 100)}%` })}</span>
                  </p>
                  <StartQuizButtons scope={a.scope as "lesson" | "sector"} scopeId={a.scopeId} label={tQuiz("assigned")} offer={offers.get(`${a.scope}:${a.scopeId}`)!} />
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
