import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/server/auth/session";
import { quizOffer } from "@/lib/server/data/quiz-offers";
import { editorFor } from "@/lib/server/data/question-editor";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("quiz.nothing"))("title") };
}

type Props = { searchParams: Promise<{ scope?: string; id?: string; figures?: string }> };

/** Where a quiz button leads when its lesson or sector has no question of the kind asked for. */
export default async function NothingToAskPage({ searchParams }: Props) {
  const user = await requireUser();
  const t = await getTranslations("quiz.nothing");
  const { scope, id = "", figures } = await searchParams;
  const isSector = scope === "sector";
  const figuresOnly = figures === "1";
  const back = isSector ? `/sectors#${encodeURIComponent(id)}` : id ? `/lessons/${encodeURIComponent(id)}` : "/lessons";
  // A figures-only quiz may be empty where the full quiz is not: offer that one instead.
  const offer = figuresOnly && id && (scope === "lesson" || isSector) ? await quizOffer(user, isSector ? "sector" : "lesson", id, await editorFor(user)) : null;
  return (
    <section aria-labelledby="nothing-heading" className="space-y-3">
      <h1 id="nothing-heading" className="text-2xl font-semibold">
        {t("heading")}
      </h1>
      <p className="text-slate-700">
        {t(figuresOnly ? "noFigures" : "noQuestions", { scope: isSector ? "sector" : "lesson" })}
        {offer && offer.questions > 0 ? ` ${t("fullQuiz", { count: offer.questions })}` : ""}
      </p>
      <Link href={back} className="text-brand-700 underline">
        {isSector ? t("backSectors") : t("backLesson")}
      </Link>
    </section>
  );
}
