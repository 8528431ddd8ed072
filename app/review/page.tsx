import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/server/auth/session";
import { now } from "@/lib/server/clock";
import { getReviewFilters, getReviewSession } from "@/lib/server/data/review";
import { reviewFilterSchema } from "@/lib/schemas/review";
import { ReviewCard } from "@/components/review/review-card";
import { LastReviewProvider, UndoLastReviewForm } from "@/components/review/last-review";

export const metadata: Metadata = { title: "Review" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReviewPage({ searchParams }: Props) {
  const user = await requireUser();
  const params = await searchParams;
  const filter = reviewFilterSchema.catch({}).parse({ lesson: params.lesson || undefined, sector: params.sector || undefined });
  const clock = await now();
  const [session, filters] = await Promise.all([getReviewSession(user, { lessonSlug: filter.lesson, sectorId: filter.sector }, clock), getReviewFilters(user)]);
  const query = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => !!e[1])).toString();
  const back = `/review${query ? `?${query}` : ""}`;
  const added = typeof params.added === "string" ? Number(params.added) : null;
  const minutesToNext = session.nextDueAt ? Math.max(1, Math.ceil((session.nextDueAt.getTime() - clock.getTime()) / 60_000)) : null;

  return (
    <LastReviewProvider initial={session.undoable}>
      <div className="space-y-6">
        <header className="space-y-2">
          <h1 className="text-2xl font-semibold">Review</h1>
          <p className="text-slate-700">Facts from the lessons you studied and the quiz questions you missed, spaced out so you see each one just before you would forget it.</p>
          <nav aria-label="Review pages" className="flex flex-wrap gap-4 text-sm">
            <Link href="/review/stats" className="text-brand-700 underline">
              Review statistics
            </Link>
            <Link href="/review/settings" className="text-brand-700 underline">
              Review settings
            </Link>
          </nav>
        </header>

        {added !== null && Number.isFinite(added) && (
          <p role="status" className="rounded bg-green-50 p-3 text-green-900">
            {added === 0 ? "This lesson's facts were already in your reviews." : `Added ${added} fact${added === 1 ? "" : "s"} from the lesson to your reviews.`}
          </p>
        )}
        {params.undone === "1" && (
          <p role="status" className="rounded bg-slate-100 p-3">
            Your last review was undone: the card is back as it was.
          </p>
        )}
        {params.undone === "0" && (
          <p role="status" className="rounded bg-amber-50 p-3 text-amber-950">
            Nothing was undone: that review had already been undone or changed (perhaps in another tab).
          </p>
        )}

        <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter the review">
          <div className="w-full sm:w-auto">
            <label htmlFor="filter-lesson" className="block text-sm font-medium">
              Lesson
            </label>
            <select id="filter-lesson" name="lesson" defaultValue={filter.lesson ?? ""} className="w-full max-w-xs rounded border border-slate-400 bg-white px-2 py-1.5">
              <option value="">All lessons</option>
              {filters.lessons.map((l) => (
                <option key={l.slug} value={l.slug} lang={l.language}>
                  {l.title}
                </option>
              ))}
            </select>
          </div>
          <div className="w-full sm:w-auto">
            <label htmlFor="filter-sector" className="block text-sm font-medium">
              Sector
            </label>
            <select id="filter-sector" name="sector" defaultValue={filter.sector ?? ""} className="w-full max-w-xs rounded border border-slate-400 bg-white px-2 py-1.5">
              <option value="">All sectors</option>
              {filters.sectors.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.nameEn} · {s.nameZh}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1.5">
            Apply
          </button>
        </form>

        <dl className="grid grid-cols-3 gap-3 text-center" data-testid="review-counts">
          <div className="rounded border border-slate-200 bg-white p-3">
            <dt className="text-sm text-slate-600">Due now</dt>
            <dd className="text-2xl font-semibold" data-testid="due-count">{session.due}</dd>
          </div>
          <div className="rounded border border-slate-200 bg-white p-3">
            <dt className="text-sm text-slate-600">New today</dt>
            <dd className="text-2xl font-semibold" data-testid="new-count">{session.newToday}</dd>
          </div>
          <div className="rounded border border-slate-200 bg-white p-3">
            <dt className="text-sm text-slate-600">Cards</dt>
            <dd className="text-2xl font-semibold">{session.totalCards}</dd>
          </div>
        </dl>

        <section aria-label="Current card" className="rounded border border-slate-200 bg-white p-4">
          {session.card ? (
            <ReviewCard key={`${session.card.id}:${session.card.version}`} card={session.card} />
          ) : session.totalCards === 0 ? (
            <p>
              No cards yet. Open a <Link href="/lessons" className="text-brand-700 underline">lesson</Link> and choose “Add to my reviews”, or take a quiz: the questions you miss come here.
            </p>
          ) : (
            <p data-testid="review-done">
              Nothing to review right now.{minutesToNext !== null && minutesToNext < 24 * 60 ? ` The next card is due in about ${minutesToNext} minute${minutesToNext === 1 ? "" : "s"}.` : " Come back tomorrow."}
            </p>
          )}
        </section>

        <UndoLastReviewForm back={back} />
      </div>
    </LastReviewProvider>
  );
}
