import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/server/auth/session";
import { now } from "@/lib/server/clock";
import { getReviewFilters, getReviewSession } from "@/lib/server/data/review";
import { reviewFilterSchema } from "@/lib/schemas/review";
import { ReviewCard } from "@/components/review/review-card";
import { LastReviewProvider, UndoLastReviewForm } from "@/components/review/last-review";
import { TimeZoneReporter } from "@/components/review/time-zone-reporter";
import { getUserTimeZone } from "@/lib/server/data/users";
import { getLocale, getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReviewPage({ searchParams }: Props) {
  const user = await requireUser();
  const [t, locale] = await Promise.all([getTranslations("review"), getLocale()]);
  const params = await searchParams;
  const filter = reviewFilterSchema.catch({}).parse({ lesson: params.lesson || undefined, sector: params.sector || undefined });
  const clock = await now();
  const [session, filters, timeZone] = await Promise.all([getReviewSession(user, { lessonSlug: filter.lesson, sectorId: filter.sector }, clock), getReviewFilters(user), getUserTimeZone(user.id)]);
  const query = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => !!e[1])).toString();
  const back = `/review${query ? `?${query}` : ""}`;
  const added = typeof params.added === "string" ? Number(params.added) : null;
  const minutesToNext = session.nextDueAt ? Math.max(1, Math.ceil((session.nextDueAt.getTime() - clock.getTime()) / 60_000)) : null;

  return (
    <LastReviewProvider initial={session.undoable}>
      {timeZone === null && <TimeZoneReporter />}
      <div className="space-y-6">
        <header className="space-y-2">
          <h1 className="text-2xl font-semibold">{t("heading")}</h1>
          <p className="text-slate-700">{t("intro")}</p>
          <nav aria-label={t("pagesNav")} className="flex flex-wrap gap-4 text-sm">
            <Link href="/review/stats" className="text-brand-700 underline">
              {t("statsLink")}
            </Link>
            <Link href="/review/settings" className="text-brand-700 underline">
              {t("settingsLink")}
            </Link>
          </nav>
        </header>

        {added !== null && Number.isFinite(added) && (
          <p role="status" className="rounded bg-green-50 p-3 text-green-900">
            {t("added", { count: added })}
          </p>
        )}
        {params.undone === "1" && (
          <p role="status" className="rounded bg-slate-100 p-3">
            {t("undone")}
          </p>
        )}
        {params.undone === "0" && (
          <p role="status" className="rounded bg-amber-50 p-3 text-amber-950">
            {t("notUndone")}
          </p>
        )}

        <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("filter.label")}>
          <div className="w-full sm:w-auto">
            <label htmlFor="filter-lesson" className="block text-sm font-medium">
              {t("filter.lesson")}
            </label>
            <select id="filter-lesson" name="lesson" defaultValue={filter.lesson ?? ""} className="w-full max-w-xs rounded border border-slate-400 bg-white px-2 py-1.5">
              <option value="">{t("filter.allLessons")}</option>
              {filters.lessons.map((l) => (
                <option key={l.slug} value={l.slug} lang={l.language}>
                  {l.title}
                </option>
              ))}
            </select>
          </div>
          <div className="w-full sm:w-auto">
            <label htmlFor="filter-sector" className="block text-sm font-medium">
              {t("filter.sector")}
            </label>
            <select id="filter-sector" name="sector" defaultValue={filter.sector ?? ""} className="w-full max-w-xs rounded border border-slate-400 bg-white px-2 py-1.5">
              <option value="">{t("filter.allSectors")}</option>
              {filters.sectors.map((s) => (
                <option key={s.id} value={s.id}>
                  {locale === "zh" ? `${s.nameZh} · ${s.nameEn}` : `${s.nameEn} · ${s.nameZh}`}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1.5">
            {t("filter.apply")}
          </button>
        </form>

        <dl className="grid grid-cols-3 gap-3 text-center" data-testid="review-counts">
          <div className="rounded border border-slate-200 bg-white p-3">
            <dt className="text-sm text-slate-600">{t("counts.due")}</dt>
            <dd className="text-2xl font-semibold" data-testid="due-count">{session.due}</dd>
          </div>
          <div className="rounded border border-slate-200 bg-white p-3">
            <dt className="text-sm text-slate-600">{t("counts.newToday")}</dt>
            <dd className="text-2xl font-semibold" data-testid="new-count">{session.newToday}</dd>
          </div>
          <div className="rounded border border-slate-200 bg-white p-3">
            <dt className="text-sm text-slate-600">{t("counts.cards")}</dt>
            <dd className="text-2xl font-semibold">{session.totalCards}</dd>
          </div>
        </dl>

        <section aria-label={t("currentCard")} className="rounded border border-slate-200 bg-white p-4">
          {session.card ? (
            <ReviewCard key={`${session.card.id}:${session.card.version}`} card={session.card} />
          ) : session.totalCards === 0 ? (
            <p>
              {t.rich("noCards", {
                link: (chunks) => (
                  <Link href="/lessons" className="text-brand-700 underline">
                    {chunks}
                  </Link>
                ),
              })}
            </p>
          ) : (
            <p data-testid="review-done">
              {t("done")} {minutesToNext !== null && minutesToNext < 24 * 60 ? t("nextIn", { minutes: minutesToNext }) : t("tomorrow")}
            </p>
          )}
        </section>

        <UndoLastReviewForm back={back} />
      </div>
    </LastReviewProvider>
  );
}
