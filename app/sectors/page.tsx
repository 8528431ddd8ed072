import type { Metadata } from "next";
import { requireUser } from "@/lib/server/auth/session";
import { listSectors } from "@/lib/server/data/sectors";
import { sectorOffers } from "@/lib/server/data/quiz-offers";
import { editorFor } from "@/lib/server/data/question-editor";
import { StartQuizButtons } from "@/components/quiz/start-quiz-buttons";

export const metadata: Metadata = { title: "Sectors" };

export default async function SectorsPage() {
  const user = await requireUser();
  const [sectors, offers] = await Promise.all([listSectors(user), editorFor(user).then((editorId) => sectorOffers(user, editorId))]);
  return (
    <section aria-labelledby="sectors-heading" className="space-y-6">
      <h1 id="sectors-heading" className="text-2xl font-semibold">
        Sectors
      </h1>
      <p className="text-slate-700">A sector quiz draws on every lesson that mentions the sector.</p>
      <ul className="space-y-4">
        {sectors.map((s) => (
          <li key={s.id} id={s.id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="text-lg font-medium">
              {s.nameEn} <span lang="zh">· {s.nameZh}</span>
            </h2>
            <p className="text-sm text-slate-700">
              {s.questionCount} questions from {s.lessonCount} {s.lessonCount === 1 ? "lesson" : "lessons"}
            </p>
            <StartQuizButtons scope="sector" scopeId={s.id} label={`Quiz on ${s.nameEn}`} offer={offers.get(s.id) ?? { questions: 0, figures: 0 }} />
          </li>
        ))}
      </ul>
    </section>
  );
}
