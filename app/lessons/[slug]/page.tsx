import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { requireUser } from "@/lib/server/auth/session";
import { getLessonBodyHtml, getLessonHead } from "@/lib/server/data/lessons";
import { decodeParamOrNotFound } from "@/lib/server/http";
import { quizOffer } from "@/lib/server/data/quiz-offers";
import { editorFor } from "@/lib/server/data/question-editor";
import { StartQuizButtons } from "@/components/quiz/start-quiz-buttons";
import { readerSource } from "@/lib/lesson-source";
import { studyLessonAction } from "@/app/review/actions";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lesson = await getLessonHead(await requireUser(), decodeParamOrNotFound((await params).slug));
  return { title: lesson?.title ?? "Lesson not found" };
}

// The lesson text is the same for every reader of a content version: it comes from a cache keyed
// by the lesson's content hash (docs/decisions/0027). Only the header's per-reader parts (the quiz
// offer as the reader's instructor edited the bank, the buttons) are rendered per request.
export default async function LessonPage({ params }: Props) {
  const user = await requireUser();
  const lesson = await getLessonHead(user, decodeParamOrNotFound((await params).slug));
  if (!lesson) notFound();
  const [bodyHtml, offer] = await Promise.all([getLessonBodyHtml(lesson), editorFor(user).then((editor) => quizOffer("lesson", lesson.slug, editor))]);
  if (bodyHtml === null) notFound();
  const source = readerSource(lesson.source);
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
      <div className="space-y-6" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
    </article>
  );
}
