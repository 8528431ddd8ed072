import Link from "next/link";
import { getCurrentUser } from "@/lib/server/auth/session";
import { canTeach } from "@/lib/schemas/roles";
import { SignOutButton } from "@/components/sign-out-button";
import { HeaderMenu } from "@/components/header-menu";
import { LocaleSwitcher } from "@/components/locale-switcher";
import { getTranslations } from "next-intl/server";

export async function SiteHeader() {
  const [user, t] = await Promise.all([getCurrentUser(), getTranslations("common")]);
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav aria-label={t("nav.main")} className="mx-auto flex w-full max-w-4xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3 sm:gap-x-4">
        <Link href="/" className="font-semibold text-brand-700">
          {t("siteName")}
        </Link>
        {user && (
          <HeaderMenu label={t("nav.menu")}>
            <Link href="/lessons" className="text-slate-700 underline-offset-4 hover:underline">
              {t("nav.lessons")}
            </Link>
            <Link href="/sectors" className="text-slate-700 underline-offset-4 hover:underline">
              {t("nav.sectors")}
            </Link>
            <Link href="/dashboard" className="text-slate-700 underline-offset-4 hover:underline">
              {t("nav.progress")}
            </Link>
            <Link href="/review" className="text-slate-700 underline-offset-4 hover:underline">
              {t("nav.review")}
            </Link>
            <Link href="/classes" className="text-slate-700 underline-offset-4 hover:underline">
              {t("nav.classes")}
            </Link>
            {canTeach(user.role) && (
              <Link href="/instructor" className="text-slate-700 underline-offset-4 hover:underline">
                {t("nav.instructor")}
              </Link>
            )}
          </HeaderMenu>
        )}
        {/* On a phone this group shares the first row with the brand and the menu button. It takes the
            room left (basis 0, grow), so it never wraps: the name is truncated instead, and the role
            badge is read out but not drawn. */}
        <div className="order-1 ml-auto flex min-w-0 grow basis-0 items-center justify-end gap-2 text-sm whitespace-nowrap sm:order-none sm:grow-0 sm:basis-auto sm:gap-3">
          <LocaleSwitcher />
          {user ? (
            <>
              <span data-testid="signed-in-as" className="flex min-w-0 items-center gap-1">
                <span className="truncate font-medium">{user.name}</span>{" "}
                <span className="hidden rounded bg-slate-100 px-2 py-0.5 text-slate-700 sm:inline">{t(`roles.${user.role}`)}</span>
                <span className="sr-only sm:hidden">{t(`roles.${user.role}`)}</span>
              </span>
              <SignOutButton label={t("nav.signOut")} />
            </>
          ) : (
            <>
              <Link href="/signin" className="text-slate-700 underline-offset-4 hover:underline">
                {t("nav.signIn")}
              </Link>
              <Link href="/signup" className="rounded bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">
                {t("nav.signUp")}
              </Link>
            </>
          )}
        </div>
      </nav>
    </header>
  );
}
