import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/server/auth/session";
import { getReviewSettings } from "@/lib/server/data/review";
import { ReviewSettingsForm } from "./settings-form";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review.settings"))("title") };
}

export default async function ReviewSettingsPage() {
  const user = await requireUser();
  const [settings, t] = await Promise.all([getReviewSettings(user), getTranslations("review.settings")]);
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/review" className="text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <ReviewSettingsForm values={{ desiredRetention: settings.desiredRetention.toFixed(2), newCardsPerDay: String(settings.newCardsPerDay) }} />
    </div>
  );
}
