import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/server/auth/session";
import { listLessons } from "@/lib/server/data/lessons";

export const metadata: Metadata = { title: "Lessons" };

const LANGUAGE = { en: "English", zh: "中文 (Chinese)" } as Record<string, string>;

export default async function LessonsPage() {
  const user = await requireUser();
  const lessons = await listLessons(user);
  return (
    <section aria-labelledby="lessons-heading" className="space-y-6">
      <h1 id="lessons-heading" className="text-2xl font-semibold">
        Lessons
      </h1>
      {lessons.length === 0 ? (
        <p className="text-slate-700">No lessons yet. Run `npm run content:sync` to build them from content/.</p>
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
                {LANGUAGE[lesson.language] ?? lesson.language} · {lesson.readingMinutes} min read · {lesson.questionCount}{" "}
                questions
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
