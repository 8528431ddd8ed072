import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { lessonReader } from "@/lib/server/public-lessons";
import { getLessonBodyHtml, getLessonHead } from "@/lib/server/data/lessons";
import { decodeParamOrNotFound } from "@/lib/server/http";
import { cachedLessonOffer } from "@/lib/server/data/quiz-offers";
import { editorFor } from "@/lib/server/data/question-editor";
import { LessonActions } from "@/components/lesson-actions";
import { isLessonShellRender } from "@/lib/server/lesson-shell";
import { readerSource } from "@/lib/lesson-source";
import { getLocale, getTranslations } from "next-intl/server";
import { HTML_LANG } from "@/i18n/config";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lesson = await getLessonHead(await lessonReader(), decodeParamOrNotFound((await params).slug));
  return { title: lesson?.title ?? (await getTranslations("lessons"))("notFound") };
}

// The lesson text is the same for every reader of a content version: it comes from a cache keyed
// by the lesson's content hash (docs/decisions/0027). Only the header's per-reader parts (the quiz
// offer as the reader's instructor edited the bank, the buttons) are rendered per request, and not
// at all in the render made for the shared page cache, which asks for them from the browser
// (docs/decisions/0042).
export default async function LessonPage({ params }: Props) {
  const user = await lessonReader();
  const lesson = await getLessonHead(user, decodeParamOrNotFound((await params).slug));
  if (!lesson) notFound();
  const [bodyHtml, offer, t, locale, shell] = await Promise.all([
    getLessonBodyHtml(lesson),
    user ? editorFor(user).then((editor) => cachedLessonOffer(lesson.slug, editor)) : null,
    getTranslations("lessons"),
    getLocale(),
    isLessonShellRender(),
  ]);
  if (bodyHtml === null) notFound();
  // The page's chrome is in the interface's language; the lesson keeps its own (decisions/0025).
  const chrome = HTML_LANG[locale];
  const source = readerSource(lesson.source);
  return (
    <article lang={lesson.language} aria-labelledby="lesson-title" className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href="/lessons" className="text-brand-700 underline" lang={chrome}>
            {t("allLessons")}
          </Link>
        </p>
        <h1 id="lesson-title" className="text-2xl font-semibold leading-snug sm:text-3xl">
          {lesson.title}
        </h1>
        <p className="text-sm text-slate-600">
          <span lang={chrome}>{t("readingTime", { minutes: lesson.readingMinutes })}</span>
          {source ? " · " : ""}
          {source}
        </p>
        <LessonActions slug={lesson.slug} lang={chrome} reader={shell ? undefined : { user: user && { name: user.name, role: user.role }, offer }} />
      </header>
      <div className="space-y-6" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
    </article>
  );
}
