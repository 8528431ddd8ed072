"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { HeaderMenu } from "@/components/header-menu";
import { SignOutButton } from "@/components/sign-out-button";
import { canTeach } from "@/lib/schemas/roles";
import { useReader, type ReaderUser } from "@/components/use-reader";

/**
 * The header's per-reader parts: the page links and who is signed in. `user` as the server read it;
 * left out on a page from the shared lesson cache (docs/decisions/0042), which asks /api/reader.
 */
type Props = { user?: ReaderUser | null };

function useUser(given: Props["user"]): ReaderUser | null | undefined {
  const asked = useReader();
  return given !== undefined ? given : asked?.user;
}

const PAGE_LINKS: { href: string; label: "lessons" | "sectors" | "progress" | "review" | "classes" | "instructor"; teachersOnly?: boolean }[] = [
  { href: "/lessons", label: "lessons" },
  { href: "/sectors", label: "sectors" },
  { href: "/dashboard", label: "progress" },
  { href: "/review", label: "review" },
  { href: "/classes", label: "classes" },
  { href: "/instructor", label: "instructor", teachersOnly: true },
];

export function HeaderMenuLinks({ user: given }: Props) {
  const user = useUser(given);
  const t = useTranslations("common");
  if (!user) return null;
  return (
    <HeaderMenu label={t("nav.menu")}>
      {PAGE_LINKS.filter((link) => !link.teachersOnly || canTeach(user.role)).map((link) => (
        <Link key={link.href} href={link.href} className="text-slate-700 underline-offset-4 hover:underline">
          {t(`nav.${link.label}`)}
        </Link>
      ))}
    </HeaderMenu>
  );
}

export function HeaderAccount({ user: given }: Props) {
  const user = useUser(given);
  const t = useTranslations("common");
  // Still asking: nothing rather than a wrong "Sign in".
  if (user === undefined) return null;
  return user ? (
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
  );
}
