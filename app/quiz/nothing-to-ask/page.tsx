import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/server/auth/session";
import { quizOffer } from "@/lib/server/data/quiz-offers";
import { editorFor } from "@/lib/server/data/question-editor";

export const metadata: Metadata = { title: "Nothing to ask" };

type Props = { searchParams: Promise<{ scope?: string; id?: string; figures?: string }> };

/** Where a quiz button leads when its lesson or sector has no question of the kind asked for. */
export default async function NothingToAskPage({ searchParams }: Props) {
  const user = await requireUser();
  const { scope, id = "", figures } = await searchParams;
  const isSector = scope === "sector";
  const figuresOnly = figures === "1";
  const back = isSector ? `/sectors#${encodeURIComponent(id)}` : id ? `/lessons/${encodeURIComponent(id)}` : "/lessons";
  // A figures-only quiz may be empty where the full quiz is not: offer that one instead.
  const offer = figuresOnly && id && (scope === "lesson" || isSector) ? await quizOffer(user, isSector ? "sector" : "lesson", id, await editorFor(user)) : null;
  return (
    <section aria-labelledby="nothing-heading" className="space-y-3">
      <h1 id="nothing-heading" className="text-2xl font-semibold">
        Nothing to ask here yet
      </h1>
      <p className="text-slate-700">
        {figuresOnly
          ? `This ${isSector ? "sector" : "lesson"} has no questions about figures, so there is no figures-only quiz for it.`
          : `This ${isSector ? "sector" : "lesson"} has no questions yet, so there is no quiz for it.`}
        {offer && offer.questions > 0 ? ` Its full quiz has ${offer.questions} ${offer.questions === 1 ? "question" : "questions"}.` : ""}
      </p>
      <Link href={back} className="text-brand-700 underline">
        {isSector ? "Back to the sectors" : "Back to the lesson"}
      </Link>
    </section>
  );
}
