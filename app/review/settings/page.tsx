import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/server/auth/session";
import { getReviewSettings } from "@/lib/server/data/review";
import { getParameterStatus } from "@/lib/server/data/review-fit";
import { getUserTimeZone } from "@/lib/server/data/users";
import { Button } from "@/components/ui/button";
import { allowFittingAction, chooseDefaultParametersAction } from "../actions";
import { ReviewSettingsForm } from "./settings-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review.settings"))("title") };
}

export default async function ReviewSettingsPage() {
  const user = await requireUser();
  const [settings, status, t, tFit, format, timeZone] = await Promise.all([getReviewSettings(user), getParameterStatus(user), getTranslations("review.settings"), getTranslations("review-fsrs"), getFormatter(), getUserTimeZone(user.id)]);
  const loss = (x: number | null) => (x === null ? "–" : x.toFixed(3));
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/review" className="text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <ReviewSettingsForm
        values={{ desiredRetention: settings.desiredRetention.toFixed(2), newCardsPerDay: String(settings.newCardsPerDay), timeZone: timeZone ?? "" }}
        timeZones={Intl.supportedValuesOf("timeZone")}
      />
      <section className="max-w-xl space-y-2" aria-labelledby="fsrs-parameters">
        <h2 id="fsrs-parameters" className="text-lg font-semibold">
          {tFit("heading")}
        </h2>
        {status.kind === "fitted" ? (
          <>
            <p data-testid="fsrs-status">
              {tFit("fitted", { count: status.fittedOn, date: format.dateTime(status.fittedAt, { dateStyle: "medium" }), before: loss(status.logLossBefore), after: loss(status.logLossAfter) })}
            </p>
            <form action={chooseDefaultParametersAction}>
              <Button type="submit">{tFit("useDefaults")}</Button>
            </form>
          </>
        ) : (
          <>
            <p data-testid="fsrs-status">
              {status.chosen ? tFit("defaultChosen") : status.reviews < status.threshold ? tFit("defaultWaiting", { threshold: status.threshold, reviews: status.reviews }) : tFit("defaultReady", { reviews: status.reviews })}
            </p>
            {status.chosen && (
              <form action={allowFittingAction}>
                <Button type="submit">{tFit("fitAgain")}</Button>
              </form>
            )}
          </>
        )}
      </section>
    </div>
  );
}
