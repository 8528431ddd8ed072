import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/server/auth/session";
import { getReviewSettings } from "@/lib/server/data/review";
import { getParameterStatus } from "@/lib/server/data/review-fit";
import { Button } from "@/components/ui/button";
import { allowFittingAction, chooseDefaultParametersAction } from "../actions";
import { ReviewSettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Review settings" };

export default async function ReviewSettingsPage() {
  const user = await requireUser();
  const [settings, status, t, format] = await Promise.all([getReviewSettings(user), getParameterStatus(user), getTranslations("review-fsrs"), getFormatter()]);
  const loss = (x: number | null) => (x === null ? "–" : x.toFixed(3));
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/review" className="text-brand-700 underline">
          ← Review
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">Review settings</h1>
      <ReviewSettingsForm values={{ desiredRetention: settings.desiredRetention.toFixed(2), newCardsPerDay: String(settings.newCardsPerDay) }} />
      <section className="max-w-xl space-y-2" aria-labelledby="fsrs-parameters">
        <h2 id="fsrs-parameters" className="text-lg font-semibold">
          {t("heading")}
        </h2>
        {status.kind === "fitted" ? (
          <>
            <p data-testid="fsrs-status">
              {t("fitted", { count: status.fittedOn, date: format.dateTime(status.fittedAt, { dateStyle: "medium" }), before: loss(status.logLossBefore), after: loss(status.logLossAfter) })}
            </p>
            <form action={chooseDefaultParametersAction}>
              <Button type="submit">{t("useDefaults")}</Button>
            </form>
          </>
        ) : (
          <>
            <p data-testid="fsrs-status">
              {status.chosen ? t("defaultChosen") : status.reviews < status.threshold ? t("defaultWaiting", { threshold: status.threshold, reviews: status.reviews }) : t("defaultReady", { reviews: status.reviews })}
            </p>
            {status.chosen && (
              <form action={allowFittingAction}>
                <Button type="submit">{t("fitAgain")}</Button>
              </form>
            )}
          </>
        )}
      </section>
    </div>
  );
}
