import Link from "next/link";
import { getCurrentUser } from "@/lib/server/auth/session";
import { canTeach } from "@/lib/schemas/roles";
import { SignOutButton } from "@/components/sign-out-button";
import { HeaderMenu } from "@/components/header-menu";

const ROLE_LABEL = { STUDENT: "Student", INSTRUCTOR: "Instructor", ADMIN: "Admin" } as const;

export async function SiteHeader() {
  const user = await getCurrentUser();
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav aria-label="Main" className="mx-auto flex w-full max-w-4xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3 sm:gap-x-4">
        <Link href="/" className="font-semibold text-brand-700">
          Figure Quiz
        </Link>
        {user && (
          <HeaderMenu>
            <Link href="/lessons" className="text-slate-700 underline-offset-4 hover:underline">
              Lessons
            </Link>
            <Link href="/sectors" className="text-slate-700 underline-offset-4 hover:underline">
              Sectors
            </Link>
            <Link href="/dashboard" className="text-slate-700 underline-offset-4 hover:underline">
              Progress
            </Link>
            <Link href="/review" className="text-slate-700 underline-offset-4 hover:underline">
              Review
            </Link>
            <Link href="/classes" className="text-slate-700 underline-offset-4 hover:underline">
              Classes
            </Link>
            {canTeach(user.role) && (
              <Link href="/instructor" className="text-slate-700 underline-offset-4 hover:underline">
                Instructor
              </Link>
            )}
          </HeaderMenu>
        )}
        {/* On a phone this group shares the first row with the brand and the menu button. It takes the
            room left (basis 0, grow), so it never wraps: the name is truncated instead, and the role
            badge is read out but not drawn. */}
        <div className="order-1 ml-auto flex min-w-0 grow basis-0 items-center justify-end gap-2 text-sm whitespace-nowrap sm:order-none sm:grow-0 sm:basis-auto sm:gap-3">
          {user ? (
            <>
              <span data-testid="signed-in-as" className="flex min-w-0 items-center gap-1">
                <span className="truncate font-medium">{user.name}</span>{" "}
                <span className="hidden rounded bg-slate-100 px-2 py-0.5 text-slate-700 sm:inline">{ROLE_LABEL[user.role]}</span>
                <span className="sr-only sm:hidden">{ROLE_LABEL[user.role]}</span>
              </span>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/signin" className="text-slate-700 underline-offset-4 hover:underline">
                Sign in
              </Link>
              <Link href="/signup" className="rounded bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">
                Sign up
              </Link>
            </>
          )}
        </div>
      </nav>
    </header>
  );
}
