"use client";
import { useEffect, useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import type { Answer } from "@/lib/schemas/answer";
import type { AttemptView, Feedback } from "@/lib/quiz/question";
import { finishQuizAction } from "@/app/quiz/actions";
import { postJson } from "@/lib/post-json";
import type { QuizAnswerReply } from "@/app/api/quiz/answers/route";
import { AnswerInput, initialAnswer, isComplete } from "./answer-input";
import { FeedbackPanel } from "./feedback-panel";

/** One question per screen, with a progress bar and a map of all questions. Every answer is saved when given. */
export function QuizRunner({ view }: { view: AttemptView }) {
  const t = useTranslations("quiz");
  const total = view.questions.length;
  const [answers, setAnswers] = useState<Record<string, Answer | null>>(() =>
    Object.fromEntries(view.questions.map(({ question, answered }) => [question.id, answered?.answer ?? initialAnswer(question)])),
  );
  const [feedback, setFeedback] = useState<Record<string, Feedback>>(() =>
    Object.fromEntries(view.questions.flatMap(({ question, answered }) => (answered ? [[question.id, answered.feedback]] : []))),
  );
  const firstOpen = view.questions.findIndex(({ question }) => !feedback[question.id]);
  const [index, setIndex] = useState(firstOpen === -1 ? total - 1 : firstOpen);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const shownAt = useRef(0);
  const heading = useRef<HTMLHeadingElement>(null);
  // After "Check answer" the button is gone: focus goes to what comes next (the feedback above it is
  // a live region and is read out), as on the review card, instead of dropping to the page.
  const nextAction = useRef<HTMLButtonElement>(null);
  const [checked, setChecked] = useState<string>();

  const { question } = view.questions[index];
  const answer = answers[question.id] ?? null;
  const given = feedback[question.id];
  const answeredCount = Object.keys(feedback).length;

  useEffect(() => {
    shownAt.current = performance.now();
  }, [index]);
  useEffect(() => {
    if (checked && checked === question.id && given) nextAction.current?.focus();
  }, [checked, question.id, given]);

  function go(to: number) {
    setError(undefined);
    setIndex(to);
    heading.current?.focus();
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (pending || given) return; // one submit per question, however often it is clicked
    if (!isComplete(answer)) return setError(t("answerFirst"));
    const timeTakenMs = Math.max(0, Math.round(performance.now() - shownAt.current));
    startTransition(async () => {
      const result = await postJson<QuizAnswerReply>("/api/quiz/answers", { attemptId: view.id, questionId: question.id, answer, timeTakenMs });
      if (!result.ok) return setError(result.error);
      setFeedback((f) => ({ ...f, [question.id]: result.feedback }));
      setChecked(question.id);
    });
  }

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <div className="flex justify-between text-sm text-slate-700">
          <span>{t("questionOf", { index: index + 1, total })}</span>
          <span>{t("answeredCount", { count: answeredCount })}</span>
        </div>
        <div role="progressbar" aria-label={t("progressLabel")} aria-valuemin={0} aria-valuemax={total} aria-valuenow={answeredCount} className="h-2 rounded bg-slate-200">
          <div className="h-2 rounded bg-brand-600 transition-all" style={{ width: `${(answeredCount / total) * 100}%` }} />
        </div>
        <nav aria-label={t("questionsNav")}>
          <ol className="flex flex-wrap gap-2">
            {view.questions.map(({ question: q }, i) => {
              const f = feedback[q.id];
              const state = f ? (f.correct ? "correct" : "wrong") : "open";
              return (
                <li key={q.id}>
                  <button
                    type="button"
                    onClick={() => go(i)}
                    aria-current={i === index ? "step" : undefined}
                    aria-label={t("questionState", { index: i + 1, state })}
                    className={`size-9 rounded border text-sm font-medium ${i === index ? "ring-2 ring-brand-600" : ""} ${f ? (f.correct ? "border-green-700 bg-green-50" : "border-red-700 bg-red-50") : "border-slate-300 bg-white"}`}
                  >
                    {i + 1}
                  </button>
                </li>
              );
            })}
          </ol>
        </nav>
      </div>

      <form onSubmit={submit} className="space-y-4" aria-labelledby="question-stem" data-question-id={question.id} data-question-type={question.type}>
        <h1 id="question-stem" ref={heading} tabIndex={-1} lang={question.language} className="text-xl font-semibold leading-relaxed outline-none">
          {question.stem}
        </h1>
        <AnswerInput question={question} value={answer} disabled={!!given || pending} onChange={(a) => setAnswers((all) => ({ ...all, [question.id]: a }))} />
        <p role="alert" className="min-h-5 text-sm text-red-700">
          {error}
        </p>
        {/* On a phone a long stem would push the button below the fold: there it stays at the
            bottom of the screen while the question scrolls under it (in the form, so focus order holds). */}
        {!given && (
          <div className="sticky bottom-0 z-10 border-t border-slate-200 bg-slate-50 py-3 sm:static sm:border-0 sm:bg-transparent sm:py-0">
            <button type="submit" disabled={pending} className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
              {pending ? t("checking") : t("checkAnswer")}
            </button>
          </div>
        )}
      </form>

      {given && <FeedbackPanel feedback={given} language={question.language} stem={question.stem} />}

      <div className="flex flex-wrap gap-3">
        {index > 0 && (
          <button type="button" onClick={() => go(index - 1)} className="rounded border border-slate-300 bg-white px-4 py-2">
            {t("previous")}
          </button>
        )}
        {index < total - 1 && (
          <button ref={nextAction} type="button" onClick={() => go(index + 1)} className="rounded border border-slate-300 bg-white px-4 py-2">
            {given ? t("nextQuestion") : t("skip")}
          </button>
        )}
        <form action={finishQuizAction.bind(null, view.id)}>
          <button
            ref={index === total - 1 ? nextAction : undefined}
            type="submit"
            className={`rounded px-4 py-2 font-medium ${answeredCount === total ? "bg-brand-600 text-white hover:bg-brand-700" : "border border-slate-300 bg-white"}`}
          >
            {answeredCount === total ? t("seeResults") : t("finishNow", { count: total - answeredCount })}
          </button>
        </form>
      </div>
    </div>
  );
}
