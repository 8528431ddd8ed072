import type { Feedback } from "@/lib/quiz/question";
import { resultsItemText } from "@/lib/quiz/results-item";
import { useLocale, useTranslations } from "next-intl";
import { HTML_LANG } from "@/i18n/config";
import { useReadAsWords } from "@/components/quiz/feedback-panel";

/**
 * One answered question on the results page, compact: right or wrong, the answer given next to
 * the key, what the explanation adds, and the source sentence once (linked into the lesson).
 */
export function ResultsItemFeedback({ stem, yourAnswer, feedback, language }: { stem: string; yourAnswer: string; feedback: Feedback; language: string }) {
  const t = useTranslations("quiz");
  const readAsWords = useReadAsWords();
  const chrome = HTML_LANG[useLocale()];
  const { quote, note } = resultsItemText(stem, feedback, language);
  return (
    <div className={`space-y-1 border-l-4 pl-3 text-sm ${feedback.correct ? "border-green-700" : "border-red-700"}`}>
      <p className="font-semibold">{feedback.correct ? t("results.correct") : t("results.wrong")}</p>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1">
        <dt className="text-slate-700">{t("results.yourAnswer")}</dt>
        <dd data-testid="your-answer" lang={language}>
          {yourAnswer}
          {feedback.readAs && <span lang={chrome}> {t("results.readAs", { value: readAsWords(feedback.readAs) })}</span>}
        </dd>
        <dt className="text-slate-700">{t("results.answer")}</dt>
        <dd data-testid="answer-key" lang={language}>
          {feedback.answerText}
        </dd>
      </dl>
      {note && (
        <p lang={language} className="text-slate-800">
          {note}
        </p>
      )}
      <p className="text-slate-700">
        {quote && <q lang={language}>{quote}</q>}{" "}
        {/* A full page load, not a client-side one, so the browser applies :target and highlights the sentence. */}
        <a href={`/lessons/${feedback.source.lessonSlug}#${feedback.source.sentenceId}`} className="text-brand-700 underline">
          {t("feedback.readInLesson")}
        </a>
      </p>
    </div>
  );
}
