"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { StartQuizButtons } from "@/components/quiz/start-quiz-buttons";
import { studyLessonAction } from "@/app/review/actions";
import { useReader, type Reader } from "@/components/use-reader";

/**
 * A lesson page's per-reader part: the quiz buttons and "Add to my reviews" for someone signed in,
 * a link to sign in for a visitor. `reader` as the server read it; left out on a page from the
 * shared lesson cache (docs/decisions/0042), which asks /api/reader.
 */
export function LessonActions({ slug, lang, reader: given }: { slug: string; lang: string; reader?: Reader }) {
  const asked = useReader();
  const reader = given ?? asked;
  const t = useTranslations("lessons");
  const tQuiz = useTranslations("quiz.start");
  // Until /api/reader answers, an empty busy box keeps the place (no jump when the buttons come).
  if (!reader) return <div data-lesson-actions="loading" aria-busy="true" className="min-h-10" />;
  if (reader.user && reader.offer) {
    return (
      <div lang={lang} data-lesson-actions="ready">
        <StartQuizButtons scope="lesson" scopeId={slug} label={tQuiz("lesson")} offer={reader.offer} />
        {/* A lesson with nothing to ask has no fact to review either (review-only questions come
            from sentences that also have a quiz question): the button would add nothing. */}
        {reader.offer.questions > 0 && (
          <form action={studyLessonAction} className="mt-3">
            <input type="hidden" name="lessonSlug" value={slug} />
            <button type="submit" className="rounded border border-slate-300 bg-white px-4 py-2">
              {t("addToReviews")}
            </button>
            <span className="ml-3 text-sm text-slate-600">{t("addToReviewsHint")}</span>
          </form>
        )}
      </div>
    );
  }
  // Signed out (public lessons, decisions/0037): the text only; quizzes and reviews need an account.
  return (
    <p lang={lang} data-lesson-actions="ready">
      <Link href={`/signin?callbackUrl=${encodeURIComponent(`/lessons/${slug}`)}`} className="text-brand-700 underline">
        {t("signInToQuiz")}
      </Link>
    </p>
  );
}
