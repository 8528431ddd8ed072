import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/server/auth/session";
import { attemptSubject, getAttemptResult } from "@/lib/server/data/attempts";
import { AppError } from "@/lib/server/errors";
import { ResultsItemFeedback } from "@/components/quiz/results-item-feedback";
import { FlagForm } from "@/components/quiz/flag-form";
import { startQuizAction } from "@/app/quiz/actions";
import { getLocale, getTranslations } from "next-intl/server";

type Props = { params: Promise<{ attemptId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const subject = await attemptSubject(await requireUser(), (await params).attemptId, await getLocale());
  const t = await getTranslations("quiz.results");
  return { title: subject ? t("title", { subject }) : t("titlePlain") };
}

export default async function ResultsPage({ params }: Props) {
  const user = await requireUser();
  const { attemptId } = await params;
  const result = await getAttemptResult(user, attemptId).catch((error) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    if (error instanceof AppError && error.code === "CONFLICT") redirect(`/quiz/${attemptId}`);
    throw error;
  });
  const t = await getTranslations("quiz.results");
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("heading")}</h1>
        <p className="text-lg" data-testid="score">
          {t("score", { correct: result.correctCount, total: result.totalCount, percent: Math.round((result.score ?? 0) * 100) / 100 })}
        </p>
        <div className="flex flex-wrap gap-3">
          <form action={startQuizAction}>
            <input type="hidden" name="scope" value={result.scope} />
            <input type="hidden" name="scopeId" value={result.scopeId} />
            <button type="submit" className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
              {t("another")}
            </button>
          </form>
          <Link href="/dashboard" className="rounded border border-slate-300 bg-white px-4 py-2">
            {t("progress")}
          </Link>
        </div>
      </header>
      <ol className="space-y-3">
        {result.items.map((item, i) => (
          <li key={item.questionId} data-question-id={item.questionId} className="space-y-2 rounded-lg border border-slate-200 bg-white p-3">
            <h2 className="font-semibold" lang={item.language}>
              {i + 1}. {item.stem}
            </h2>
            {item.feedback === null ? (
              // No key for an unanswered question: a later quiz may ask it again.
              <p className="text-slate-700">{t("notAnswered")}</p>
            ) : (
              <ResultsItemFeedback stem={item.stem} yourAnswer={item.yourAnswer ?? ""} feedback={item.feedback} language={item.language} />
            )}
            {item.yourAnswer !== null && <FlagForm questionId={item.questionId} />}
          </li>
        ))}
      </ol>
    </div>
  );
}
