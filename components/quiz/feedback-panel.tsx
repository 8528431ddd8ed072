import { useLocale, useTranslations } from "next-intl";
import { HTML_LANG } from "@/i18n/config";
import type { Feedback } from "@/lib/quiz/question";
import type { ReadAs } from "@/lib/quiz/read-as";
import { resultsItemText } from "@/lib/quiz/results-item";

/** How a typed answer was read, in the reader's language; the figures keep the question's. */
export function useReadAsWords() {
  const t = useTranslations("quiz.feedback");
  return (readAs: ReadAs) => ("value" in readAs ? readAs.value : t("wrongUnit", readAs.wrongUnit));
}

/**
 * Right or wrong, the key, why, and the sentence it comes from (linked, highlighted in the lesson).
 * The sentence is shown once: not again in the explanation ("The lesson says: “…”"), nor quoted
 * when the stem above already holds it word for word.
 */
export function FeedbackPanel({ feedback, language, stem }: { feedback: Feedback; language: string; stem: string }) {
  const t = useTranslations("quiz.feedback");
  const readAsWords = useReadAsWords();
  const chrome = HTML_LANG[useLocale()];
  const { quote, note } = resultsItemText(stem, feedback, language);
  const link = (
    // A full page load, not a client-side one, so the browser applies :target and highlights the sentence.
    <a href={`/lessons/${feedback.source.lessonSlug}#${feedback.source.sentenceId}`} className="text-brand-700 underline" lang={chrome}>
      {t("readInLesson")}
    </a>
  );
  return (
    <div role="status" className={`space-y-2 rounded border-l-4 p-4 ${feedback.correct ? "border-green-700 bg-green-50" : "border-red-700 bg-red-50"}`}>
      <p className="font-semibold">{feedback.correct ? t("correct") : t("wrong")}</p>
      {feedback.readAs && <p className="text-sm">{t("readAs", { value: readAsWords(feedback.readAs) })}</p>}
      <p>
        {t("answer")} <span lang={language}>{feedback.answerText}</span>
      </p>
      {note && (
        <p lang={language} className="text-slate-800">
          {note}
        </p>
      )}
      {quote ? (
        <blockquote lang={language} className="border-l-2 border-slate-400 pl-3 text-slate-700">
          “{quote}” {link}
        </blockquote>
      ) : (
        <p>{link}</p>
      )}
    </div>
  );
}
