import type { Metadata } from "next";
import { requireUser } from "@/lib/server/auth/session";
import { listSectors } from "@/lib/server/data/sectors";
import { sectorOffers } from "@/lib/server/data/quiz-offers";
import { editorFor } from "@/lib/server/data/question-editor";
import { StartQuizButtons } from "@/components/quiz/start-quiz-buttons";
import { getLocale, getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("lessons.sectors"))("title") };
}

export default async function SectorsPage() {
  const user = await requireUser();
  const [sectors, offers, t, tQuiz, locale] = await Promise.all([listSectors(user), editorFor(user).then((editorId) => sectorOffers(user, editorId)), getTranslations("lessons.sectors"), getTranslations("quiz.start"), getLocale()]);
  return (
    <section aria-labelledby="sectors-heading" className="space-y-6">
      <h1 id="sectors-heading" className="text-2xl font-semibold">
        {t("heading")}
      </h1>
      <p className="text-slate-700">{t("intro")}</p>
      <ul className="space-y-4">
        {sectors.map((s) => (
          <li key={s.id} id={s.id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="text-lg font-medium">
              {locale === "zh" ? (
                <>
                  {s.nameZh} <span lang="en">· {s.nameEn}</span>
                </>
              ) : (
                <>
                  {s.nameEn} <span lang="zh">· {s.nameZh}</span>
                </>
              )}
            </h2>
            <p className="text-sm text-slate-700">
              {t("counts", { questions: s.questionCount, lessons: s.lessonCount })}
            </p>
            <StartQuizButtons scope="sector" scopeId={s.id} label={tQuiz("sector", { sector: locale === "zh" ? s.nameZh : s.nameEn })} offer={offers.get(s.id) ?? { questions: 0, figures: 0 }} />
          </li>
        ))}
      </ul>
    </section>
  );
}
