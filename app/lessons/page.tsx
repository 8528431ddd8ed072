import type { Metadata } from "next";
import Link from "next/link";
import { lessonReader } from "@/lib/server/public-lessons";
import { listLessons } from "@/lib/server/data/lessons";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("lessons"))("title") };
}

export default async function LessonsPage() {
  const user = await lessonReader();
  const [lessons, t] = await Promise.all([listLessons(user), getTranslations("lessons")]);
  return (
    <section aria-labelledby="lessons-heading" className="space-y-6">
      <h1 id="lessons-heading" className="text-2xl font-semibold">
        {t("heading")}
      </h1>
      {lessons.length === 0 ? (
        <p className="text-slate-700">{t("empty")}</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {lessons.map((lesson) => (
            <li key={lesson.slug} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <h2 className="text-lg font-medium" lang={lesson.language}>
                <Link href={`/lessons/${lesson.slug}`} className="text-brand-700 underline-offset-4 hover:underline">
                  {lesson.title}
                </Link>
              </h2>
              <p className="mt-2 text-sm text-slate-700">
                {t("meta", { language: t("language", { language: lesson.language }), minutes: lesson.readingMinutes, count: lesson.questionCount })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
