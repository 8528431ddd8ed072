"use client";
import { useEffect, useRef, useState } from "react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import type { ReviewSessionReply } from "@/app/api/review/session/route";
import { ReviewCard } from "@/components/review/review-card";
import { LastReviewProvider, UndoLastReviewForm } from "@/components/review/last-review";
import { TimeZoneReporter } from "@/components/review/time-zone-reporter";

/**
 * The learner's part of the review page (docs/decisions/0045): the page itself is the same for
 * everyone (served from a cache), so this asks /api/review/session for the card, counts and filters
 * of the filter in the address. Asked again for the next card, and whenever the server renders the
 * page again (`rendered`: after an undo, which returns to the same address).
 */
export function ReviewSession({ rendered }: { rendered: string }) {
  const params = useSearchParams();
  const t = useTranslations("review");
  const locale = useLocale();
  const lesson = params.get("lesson") ?? "";
  const sector = params.get("sector") ?? "";
  const [reloads, setReloads] = useState(0);
  // The last reply stays on screen while the next is on its way (no flash between cards).
  const [session, setSession] = useState<ReviewSessionReply>();
  const [error, setError] = useState<string>();
  const filtersKey = `${lesson}\n${sector}\n${rendered}`;
  const key = `${filtersKey}\n${reloads}`;
  const kept = useRef<{ key: string; filters: NonNullable<ReviewSessionReply["filters"]> } | null>(null);
  const failed = t("loadFailed");

  useEffect(() => {
    let live = true;
    // "Next card" (only `reloads` changed) keeps the filters' lists it has: the reply leaves them out.
    const next = reloads > 0 && kept.current?.key === filtersKey ? kept.current.filters : null;
    const query = new URLSearchParams(Object.entries({ lesson, sector, filters: next ? "0" : "" }).filter(([, v]) => v)).toString();
    fetch(`/api/review/session${query ? `?${query}` : ""}`, { cache: "no-store" })
      .then(async (r) => {
        const body = (await r.json()) as ReviewSessionReply | { ok: false; error: string };
        if (!live) return;
        if (body.ok) {
          const filters = body.filters ?? next;
          kept.current = filters ? { key: filtersKey, filters } : null;
          setSession({ ...body, filters });
        }
        setError(body.ok ? undefined : body.error);
      })
      .catch(() => live && setError(failed));
    return () => {
      live = false;
    };
  }, [key, filtersKey, reloads, lesson, sector, failed]);

  const added = params.get("added");
  const facts = params.get("facts");
  const undone = params.get("undone");
  const back = `/review${lesson || sector ? `?${new URLSearchParams(Object.entries({ lesson, sector }).filter(([, v]) => v))}` : ""}`;
  // Nothing from the address is drawn before the first reply: the cached page was rendered without
  // it, so the first client render must match (hydration).
  if (!session && !error) {
    return (
      <p role="status" className="text-slate-600">
        {t("loading")}
      </p>
    );
  }
  return (
    <>
      {added !== null && Number.isFinite(Number(added)) && facts !== "0" && (
        <p role="status" className="rounded bg-green-50 p-3 text-green-900">
          {t("added", { count: Number(added) })}
        </p>
      )}
      {facts === "0" && (
        <p role="status" className="rounded bg-amber-50 p-3 text-amber-950">
          {t("noFacts")}
        </p>
      )}
      {undone === "1" && (
        <p role="status" className="rounded bg-slate-100 p-3">
          {t("undone")}
        </p>
      )}
      {undone === "0" && (
        <p role="status" className="rounded bg-amber-50 p-3 text-amber-950">
          {t("notUndone")}
        </p>
      )}
      {error && (
        <p role="alert" className="rounded bg-red-50 p-3 text-red-900">
          {error}
        </p>
      )}
      {session && (
        <LastReviewProvider initial={session.undoable}>
          {!session.timeZoneKnown && <TimeZoneReporter />}
          <div className="space-y-6">
            <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("filter.label")}>
              <div className="w-full sm:w-auto">
                <label htmlFor="filter-lesson" className="block text-sm font-medium">
                  {t("filter.lesson")}
                </label>
                <select id="filter-lesson" name="lesson" defaultValue={lesson} className="w-full max-w-xs rounded border border-slate-400 bg-white px-2 py-1.5">
                  <option value="">{t("filter.allLessons")}</option>
                  {(session.filters?.lessons ?? []).map((l) => (
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
                <select id="filter-sector" name="sector" defaultValue={sector} className="w-full max-w-xs rounded border border-slate-400 bg-white px-2 py-1.5">
                  <option value="">{t("filter.allSectors")}</option>
                  {(session.filters?.sectors ?? []).map((s) => (
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
              {[
                { label: t("counts.due"), value: session.due, testId: "due-count" },
                { label: t("counts.newToday"), value: session.newToday, testId: "new-count" },
                { label: t("counts.cards"), value: session.totalCards, testId: undefined },
              ].map((c) => (
                <div key={c.label} className="rounded border border-slate-200 bg-white p-3">
                  <dt className="text-sm text-slate-600">{c.label}</dt>
                  <dd className="text-2xl font-semibold" data-testid={c.testId}>
                    {c.value}
                  </dd>
                </div>
              ))}
            </dl>

            <section aria-label={t("currentCard")} className="rounded border border-slate-200 bg-white p-4">
              {session.card ? (
                <ReviewCard key={`${session.card.id}:${session.card.version}`} card={session.card} onNext={() => setReloads((n) => n + 1)} />
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
                  {t("done")} {session.minutesToNext !== null && session.minutesToNext < 24 * 60 ? t("nextIn", { minutes: session.minutesToNext }) : t("tomorrow")}
                </p>
              )}
            </section>

            <UndoLastReviewForm back={back} />
          </div>
        </LastReviewProvider>
      )}
    </>
  );
}
