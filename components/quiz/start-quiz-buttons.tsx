import { startQuizAction } from "@/app/quiz/actions";
import type { QuizOffer } from "@/lib/server/data/quiz-offers";
import { useTranslations } from "next-intl";

/**
 * "Quiz on this …" and the short figures-only quiz, as two plain forms (they work before any script
 * loads). Each button states the number of questions its quiz really gives (quizCapacity); the
 * figures-only one is shown only where there are figure questions.
 */
export function StartQuizButtons({ scope, scopeId, label, offer }: { scope: "lesson" | "sector"; scopeId: string; label: string; offer: QuizOffer }) {
  const t = useTranslations("quiz.start");
  const questions = (count: number) => t("questions", { count });
  if (offer.questions === 0) return <p className="text-sm text-slate-700">{t("noQuiz")}</p>;
  return (
    <div className="flex flex-wrap gap-3">
      <form action={startQuizAction}>
        <input type="hidden" name="scope" value={scope} />
        <input type="hidden" name="scopeId" value={scopeId} />
        <button type="submit" className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          {t("withCount", { label, questions: questions(offer.questions) })}
        </button>
      </form>
      {offer.figures > 0 && (
        <form action={startQuizAction}>
          <input type="hidden" name="scope" value={scope} />
          <input type="hidden" name="scopeId" value={scopeId} />
          <input type="hidden" name="figuresOnly" value="1" />
          <button type="submit" className="rounded border border-slate-300 bg-white px-4 py-2">
            {t("figuresOnly", { questions: questions(offer.figures) })}
          </button>
        </form>
      )}
    </div>
  );
}
