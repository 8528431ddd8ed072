import { useLocale, useTranslations } from "next-intl";
import type { QuizSubject } from "@/lib/server/data/progress";

/** What a quiz was on: a lesson's title in its own language, or "Sector: …" in the reader's. */
export function QuizSubjectName({ subject }: { subject: QuizSubject }) {
  const t = useTranslations("dashboard");
  const locale = useLocale();
  if (subject.scope === "lesson") return <span lang={subject.language}>{subject.title}</span>;
  return <>{t("sectorSubject", { name: locale === "zh" ? subject.nameZh : subject.nameEn })}</>;
}
