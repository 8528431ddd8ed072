import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { requireUser } from "@/lib/server/auth/session";
import { getLesson } from "@/lib/server/data/lessons";
import { decodeParamOrNotFound } from "@/lib/server/http";
import { quizOffer } from "@/lib/server/data/quiz-offers";
import { editorFor } from "@/lib/server/data/question-editor";
import { SentenceText } from "@/components/lesson/sentence-text";
import { StartQuizButtons } from "@/components/quiz/start-quiz-buttons";
import { readerSource } from "@/lib/lesson-source";
import { studyLessonAction } from "@/app/review/actions";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lesson = await getLesson(await requireUser(), decodeParamOrNotFound((await params).slug));
  return { title: lesson?.title ?? "Lesson not found" };
}

export default async function LessonPage({ params }: Props) {
  const user = await requireUser();
  const lesson = await getLesson(user, decodeParamOrNotFound((await params).slug));
  if (!lesson) notFound();
  const offer = await quizOffer(user, "lesson", lesson.slug, await editorFor(user));
  const figuresBySentence = new Map<string, typeof lesson.body.figures>();
  for (const f of lesson.body.figures) figuresBySentence.set(f.sentenceId, [...(figuresBySentence.get(f.sentenceId) ?? []), f]);
  const source = readerSource(lesson.source);
  const gap = lesson.language === "zh" ? "" : " "; // Chinese sentences run on without spaces
  return (
    <article lang={lesson.language} aria-labelledby="lesson-title" className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href="/lessons" className="text-brand-700 underline" lang="en">
            ← All lessons
          </Link>
        </p>
        <h1 id="lesson-title" className="text-2xl font-semibold leading-snug sm:text-3xl">
          {lesson.title}
        </h1>
        <p className="text-sm text-slate-600" lang="en">
          {lesson.readingMinutes} min read{source ? ` · ${source}` : ""}
        </p>
        <div lang="en">
          <StartQuizButtons scope="lesson" scopeId={lesson.slug} label="Quiz on this lesson" offer={offer} />
          <form action={studyLessonAction} className="mt-3">
            <input type="hidden" name="lessonSlug" value={lesson.slug} />
            <button type="submit" className="rounded border border-slate-300 bg-white px-4 py-2">
              Add to my reviews
            </button>
            <span className="ml-3 text-sm text-slate-600">Its facts come back for review, spaced out so they stick.</span>
          </form>
        </div>
      </header>
      {lesson.body.sections.map((section) => (
        <section key={section.id} id={section.id} aria-label={section.heading ?? undefined} className="space-y-4">
          {section.heading && <h2 className="text-xl font-semibold">{section.heading}</h2>}
          {section.paragraphs.map((paragraph) => (
            <p key={paragraph.id} id={paragraph.id} className="max-w-prose text-lg leading-8 text-slate-800">
              {paragraph.sentences.map((sentence) => (
                <span key={sentence.id} id={sentence.id} className="lesson-sentence scroll-mt-20 rounded">
                  <SentenceText text={sentence.text} figures={figuresBySentence.get(sentence.id) ?? []} />
                  {gap}
                </span>
              ))}
            </p>
          ))}
        </section>
      ))}
    </article>
  );
}
