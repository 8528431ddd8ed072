import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations("common.forbidden");
  return (
    <section aria-labelledby="forbidden-heading" className="space-y-3">
      <h1 id="forbidden-heading" className="text-2xl font-semibold">
        {t("heading")}
      </h1>
      <p className="text-slate-700">{t("body")}</p>
      <Link href="/" className="text-brand-700 underline">
        {t("back")}
      </Link>
    </section>
  );
}
