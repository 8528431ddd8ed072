import type { Metadata } from "next";
import { Suspense } from "react";
import { randomUUID } from "node:crypto";
import Link from "next/link";
import { requireUser } from "@/lib/server/auth/session";
import { isLessonShellRender } from "@/lib/server/lesson-shell";
import { ReviewSession } from "@/components/review/review-session";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("title") };
}

/**
 * The same for every learner (docs/decisions/0045): a document request is served from the page
 * cache (lib/server/review-document.ts), and the learner's cards come from /api/review/session.
 * Rendered here only for that cache (for nobody) and for client navigations (signed in only).
 */
export default async function ReviewPage() {
  if (!(await isLessonShellRender())) await requireUser();
  const t = await getTranslations("review");
  return (
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
      <noscript>
        <p className="rounded bg-amber-50 p-3 text-amber-950">{t("needsScript")}</p>
      </noscript>
      <Suspense>
        {/* A new value per render: a client navigation back to the same address (after an undo) asks again. */}
        <ReviewSession rendered={randomUUID()} />
      </Suspense>
    </div>
  );
}
