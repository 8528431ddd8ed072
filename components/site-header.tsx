import Link from "next/link";
import { getCurrentUser } from "@/lib/server/auth/session";
import { isLessonShellRender } from "@/lib/server/lesson-shell";
import { HeaderAccount, HeaderMenuLinks } from "@/components/header-account";
import { LocaleSwitcher } from "@/components/locale-switcher";
import { getTranslations } from "next-intl/server";

export async function SiteHeader() {
  const [user, t, shell] = await Promise.all([getCurrentUser(), getTranslations("common"), isLessonShellRender()]);
  // A page for the shared lesson cache names no reader: the client asks who it is (docs/decisions/0042).
  const reader = shell ? undefined : user && { name: user.name, role: user.role };
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav aria-label={t("nav.main")} className="mx-auto flex w-full max-w-4xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3 sm:gap-x-4">
        <Link href="/" className="font-semibold text-brand-700">
          {t("siteName")}
        </Link>
        <HeaderMenuLinks user={reader} />
        {/* On a phone this group shares the first row with the brand and the menu button. It takes the
            room left (basis 0, grow), so it never wraps: the name is truncated instead, and the role
            badge is read out but not drawn. */}
        <div className="order-1 ml-auto flex min-w-0 grow basis-0 items-center justify-end gap-2 text-sm whitespace-nowrap sm:order-none sm:grow-0 sm:basis-auto sm:gap-3">
          <LocaleSwitcher />
          <HeaderAccount user={reader} />
        </div>
      </nav>
    </header>
  );
}
