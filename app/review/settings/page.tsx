import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/server/auth/session";
import { getReviewSettings } from "@/lib/server/data/review";
import { ReviewSettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Review settings" };

export default async function ReviewSettingsPage() {
  const user = await requireUser();
  const settings = await getReviewSettings(user);
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/review" className="text-brand-700 underline">
          ← Review
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">Review settings</h1>
      <ReviewSettingsForm values={{ desiredRetention: settings.desiredRetention.toFixed(2), newCardsPerDay: String(settings.newCardsPerDay) }} />
    </div>
  );
}
