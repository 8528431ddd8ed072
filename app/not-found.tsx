import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("common.notFound"))("title") };
}

export default async function NotFound() {
  const t = await getTranslations("common.notFound");
  return (
    <section aria-labelledby="not-found-heading" className="space-y-3">
      <h1 id="not-found-heading" className="text-2xl font-semibold">
        {t("heading")}
      </h1>
      <Link href="/" className="text-brand-700 underline">
        {t("back")}
      </Link>
    </section>
  );
}
