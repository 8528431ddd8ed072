import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/server/auth/session";
import { now } from "@/lib/server/clock";
import { getReviewStats } from "@/lib/server/data/review-stats";
import { STATE_NAMES } from "@/lib/review/scheduler";
import { INTERVAL_BUCKETS } from "@/lib/review/stats";
import { getFormatter, getTranslations } from "next-intl/server";

// The retention rows by their bucket, for the messages (review.stats.intervals).
const INTERVAL_KEYS = ["d1", "d3", "d7", "d14", "d30", "over30"] as const;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review.stats"))("title") };
}

const percent = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);

/** Shade of a calendar cell: five steps, as GitHub's contribution calendar does. */
function shade(count: number, max: number): string {
  if (count === 0) return "bg-slate-100";
  const step = Math.ceil((count / Math.max(1, max)) * 4);
  return ["bg-brand-100", "bg-brand-300", "bg-brand-500", "bg-brand-700"][step - 1];
}

export default async function ReviewStatsPage() {
  const user = await requireUser();
  const [stats, t, format] = await Promise.all([getReviewStats(user, await now()), getTranslations("review.stats"), getFormatter()]);
  const intervalName = (label: string) => {
    const i = INTERVAL_BUCKETS.findIndex((b) => b.label === label);
    return t(`intervals.${i >= 0 && i < INTERVAL_KEYS.length ? INTERVAL_KEYS[i] : "all"}`);
  };
  // A calendar day of the learner's zone (already a date, so formatted as UTC), worded in the reader's language ("Wed, Dec 3" / "12月3日周三").
  const dayName = (day: string) => format.dateTime(new Date(`${day}T00:00:00Z`), { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" });
  const max = Math.max(0, ...stats.reviewsPerDay.map((d) => d.count));
  const activeDays = stats.reviewsPerDay.filter((d) => d.count > 0);
  // Calendar columns are weeks; the first column is padded so rows are weekdays (Monday first).
  const firstWeekday = (new Date(`${stats.reviewsPerDay[0].day}T00:00:00Z`).getUTCDay() + 6) % 7;
  const cells = [...Array.from({ length: firstWeekday }, () => null), ...stats.reviewsPerDay];
  const forecastMax = Math.max(1, ...stats.forecast.map((d) => d.count));

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href="/review" className="text-brand-700 underline">
            {t("back")}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{t("heading")}</h1>
        <p className="text-slate-700">
          {t("summary", {
            reviews: stats.totalReviews,
            cards: stats.cards.total,
            states: format.list(stats.cards.byState.map((n, i) => t("state", { count: n, state: STATE_NAMES[i] }))),
          })}
        </p>
      </header>

      <section aria-labelledby="calendar-heading" className="space-y-2">
        <h2 id="calendar-heading" className="text-xl font-semibold">
          {t("calendarHeading")}
        </h2>
        <div className="overflow-x-auto">
          <div
            role="img"
            aria-label={t("calendarLabel", { reviews: stats.totalReviews, active: activeDays.length, days: stats.reviewsPerDay.length })}
            className="grid w-max grid-flow-col grid-rows-7 gap-0.5"
            data-testid="review-calendar"
          >
            {cells.map((d, i) => (d ? <span key={d.day} title={t("dayReviews", { day: d.day, count: d.count })} data-count={d.count} className={`size-3 rounded-sm ${shade(d.count, max)}`} /> : <span key={`pad-${i}`} className="size-3" />))}
          </div>
        </div>
        <details>
          <summary className="cursor-pointer text-sm text-brand-700">{t("asTable")}</summary>
          <table className="mt-2 text-sm">
            <thead>
              <tr>
                <th scope="col" className="pr-4 text-left">{t("dayUtc")}</th>
                <th scope="col" className="text-right">{t("reviews")}</th>
              </tr>
            </thead>
            <tbody>
              {activeDays.map((d) => (
                <tr key={d.day}>
                  <td className="pr-4">{d.day}</td>
                  <td className="text-right">{d.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </section>

      <section aria-labelledby="forecast-heading" className="space-y-2">
        <h2 id="forecast-heading" className="text-xl font-semibold">
          {t("forecastHeading")}
        </h2>
        <table className="w-full max-w-md text-sm" data-testid="due-forecast">
          <thead>
            <tr>
              <th scope="col" className="text-left">{t("day")}</th>
              <th scope="col" className="text-right">{t("cards")}</th>
              <th scope="col"><span className="sr-only">{t("bar")}</span></th>
            </tr>
          </thead>
          <tbody>
            {stats.forecast.map((d, i) => (
              <tr key={d.day}>
                <td className="py-0.5 pr-3">{i === 0 ? t("today") : i === 1 ? t("tomorrow") : dayName(d.day)}</td>
                <td className="pr-3 text-right">{d.count}</td>
                <td className="w-1/2">
                  <div className="h-2 rounded bg-brand-500" style={{ width: `${(d.count / forecastMax) * 100}%` }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="retention-heading" className="space-y-2">
        <h2 id="retention-heading" className="text-xl font-semibold">
          {t("retentionHeading")}
        </h2>
        <p className="text-slate-700">
          {t("retentionIntro", { goal: percent(stats.desiredRetention) })}
        </p>
        <table className="w-full max-w-md text-sm" data-testid="retention-table">
          <thead>
            <tr>
              <th scope="col" className="text-left">{t("interval")}</th>
              <th scope="col" className="text-right">{t("reviews")}</th>
              <th scope="col" className="text-right">{t("remembered")}</th>
              <th scope="col" className="text-right">{t("retention")}</th>
            </tr>
          </thead>
          <tbody>
            {[...stats.retention.rows, stats.retention.overall].map((r) => (
              <tr key={r.label} className={r === stats.retention.overall ? "border-t border-slate-300 font-semibold" : ""}>
                <th scope="row" className="py-0.5 text-left font-normal">{intervalName(r.label)}</th>
                <td className="text-right">{r.reviews}</td>
                <td className="text-right">{r.passed}</td>
                <td className={`text-right ${r.retention !== null && r.retention < stats.desiredRetention ? "text-red-700" : ""}`}>{percent(r.retention)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
