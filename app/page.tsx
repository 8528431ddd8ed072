import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/server/auth/session";

export default async function HomePage() {
  const [user, t] = await Promise.all([getCurrentUser(), getTranslations("common.home")]);
  return (
    <section aria-labelledby="home-heading" className="space-y-4">
      <h1 id="home-heading" className="text-3xl font-semibold">
        {t("heading")}
      </h1>
      <p className="max-w-prose text-lg text-slate-700">{t("intro")}</p>
      {!user && (
        <p>
          <Link href="/signup" className="text-brand-700 underline">
            {t("signUpLink")}
          </Link>{" "}
          {t("signUpRest")}
        </p>
      )}
    </section>
  );
}
