"use client";
import { useEffect, useRef, useState, useTransition } from "react";
import type { Answer } from "@/lib/schemas/answer";
import type { PresentedQuestion } from "@/lib/quiz/question";
import { rerateReviewAction } from "@/app/review/actions";
import { postJson } from "@/lib/post-json";
import type { ReviewAnswerReply } from "@/app/api/review/answers/route";
import { AnswerInput, initialAnswer, isComplete } from "@/components/quiz/answer-input";
import { FeedbackPanel } from "@/components/quiz/feedback-panel";
import { useReportReview } from "./last-review";
import { useTranslations } from "next-intl";

type Rating = "1" | "2" | "3" | "4";
const ratingKey = (value: number) => String(value) as Rating;

/** "in 10 minutes", "in 4 days": when the card comes back, as a message and its count. */
function fromNow(due: Date | string, shownAt: number): { key: "inMinutes" | "inHours" | "inDays"; count: number } {
  const minutes = Math.max(1, Math.round((new Date(due).getTime() - shownAt) / 60_000));
  if (minutes < 60) return { key: "inMinutes", count: minutes };
  const hours = Math.round(minutes / 60);
  if (hours < 24) return { key: "inHours", count: hours };
  return { key: "inDays", count: Math.round(hours / 24) };
}

interface Props {
  card: { id: string; version: number; isNew: boolean; question: PresentedQuestion };
  /** "Next card": the page asks for the next one (components/review/review-session.tsx). */
  onNext: () => void;
}

/** One review: answer, see the feedback and source, optionally say it was Hard or Easy, go on. */
export function ReviewCard({ card, onNext }: Props) {
  const { question } = card;
  const [answer, setAnswer] = useState<Answer | null>(() => initialAnswer(question));
  const [result, setResult] = useState<ReviewAnswerReply["result"]>();
  const [rating, setRating] = useState<{ rating: number; nextDue: Date | string }>();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const shownAt = useRef(0);
  const [answeredAt, setAnsweredAt] = useState(0);
  const next = useRef<HTMLButtonElement>(null);
  const reportReview = useReportReview();
  const t = useTranslations("review.card");
  const tQuiz = useTranslations("quiz");

  useEffect(() => {
    shownAt.current = performance.now();
  }, []);
  useEffect(() => {
    if (result) next.current?.focus();
  }, [result]);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (pending || result) return; // one answer per card, however often it is clicked
    if (!isComplete(answer)) return setError(tQuiz("answerFirst"));
    const durationMs = Math.max(0, Math.round(performance.now() - shownAt.current));
    startTransition(async () => {
      const reply = await postJson<ReviewAnswerReply>("/api/review/answers", { cardId: card.id, version: card.version, questionId: question.id, answer, durationMs });
      if (!reply.ok) return setError(reply.error);
      setError(undefined);
      setAnsweredAt(Date.now());
      setResult(reply.result);
      setRating({ rating: reply.result.rating, nextDue: reply.result.nextDue });
      reportReview({ logId: reply.result.logId, stem: question.stem, language: question.language });
    });
  }

  function rerate(value: number) {
    if (!result || pending) return;
    startTransition(async () => {
      const reply = await rerateReviewAction({ logId: result.logId, rating: value });
      if (!reply.ok) return setError(reply.error);
      setRating({ rating: reply.rating, nextDue: reply.nextDue });
      setResult({ ...result, logId: reply.logId });
      reportReview({ logId: reply.logId, stem: question.stem, language: question.language });
    });
  }

  return (
    <div className="space-y-4" data-card-id={card.id}>
      <form onSubmit={submit} className="space-y-4" aria-labelledby="review-stem" data-question-id={question.id} data-question-type={question.type}>
        <p className="text-sm text-slate-600">{card.isNew ? t("new") : t("review")}</p>
        <h2 id="review-stem" lang={question.language} className="text-xl font-semibold leading-relaxed">
          {question.stem}
        </h2>
        <AnswerInput question={question} value={answer} disabled={!!result || pending} onChange={setAnswer} />
        <p role="alert" className="min-h-5 text-sm text-red-700">
          {error}
        </p>
        {!result && (
          <button type="submit" disabled={pending} className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
            {pending ? tQuiz("checking") : tQuiz("checkAnswer")}
          </button>
        )}
      </form>
      {result && rating && (
        <>
          <FeedbackPanel feedback={result.feedback} language={question.language} stem={question.stem} />
          <div className="space-y-2">
            <p aria-live="polite" data-testid="review-rating">
              {t.rich("rated", {
                rating: t(`ratings.${ratingKey(rating.rating)}`),
                when: (() => {
                  const when = fromNow(rating.nextDue, answeredAt);
                  return t(when.key, { count: when.count });
                })(),
                strong: (chunks) => <strong>{chunks}</strong>,
              })}
            </p>
            {result.ratingsAllowed.length > 1 && (
              <div role="group" aria-label={t("howHard")} className="flex flex-wrap gap-2">
                {result.ratingsAllowed.map((value) => (
                  <button
                    key={value}
                    type="button"
                    onClick={() => rerate(value)}
                    aria-pressed={rating.rating === value}
                    disabled={pending}
                    className="rounded border border-slate-300 bg-white px-3 py-1.5 aria-pressed:border-brand-600 aria-pressed:bg-brand-50 aria-pressed:font-semibold"
                  >
                    {t("itWas", { rating: t(`ratingsLower.${ratingKey(value)}`) })}
                  </button>
                ))}
              </div>
            )}
          </div>
          <button ref={next} type="button" onClick={onNext} disabled={pending} className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
            {t("next")}
          </button>
        </>
      )}
    </div>
  );
}
