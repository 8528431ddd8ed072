import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/server/auth/session";
import { listTaughtClasses } from "@/lib/server/data/classes";
import { CreateClassForm } from "@/components/instructor/create-class-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("instructor.home"))("title") };
}

export default async function InstructorPage() {
  const user = await requireRole("INSTRUCTOR", "ADMIN");
  const classes = await listTaughtClasses(user);
  const [t, tDocs] = await Promise.all([getTranslations("instructor.home"), getTranslations("documents")]);
  return (
    <div className="space-y-8">
      <section aria-labelledby="instructor-heading" className="space-y-2">
        <h1 id="instructor-heading" className="text-2xl font-semibold">
          {t("heading")}
        </h1>
        <p className="text-slate-700">{t("welcome", { name: user.name })}</p>
        <p>
          <Link href="/instructor/questions" className="text-brand-700 underline">
            {t("statisticsLink")}
          </Link>
        </p>
        <p>
          <Link href="/instructor/documents" className="text-brand-700 underline">
            {tDocs("homeLink")}
          </Link>
        </p>
      </section>
      <section aria-labelledby="classes-heading" className="space-y-4">
        <h2 id="classes-heading" className="text-xl font-semibold">
          {t("classesHeading")}
        </h2>
        <CreateClassForm />
        {classes.length === 0 ? (
          <p className="text-slate-700">{t("noClasses")}</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {classes.map((c) => (
              <li key={c.id} className="rounded-lg border border-slate-200 bg-white p-4">
                <Link href={`/instructor/classes/${c.id}`} className="text-lg font-medium text-brand-700 underline">
                  {c.name}
                </Link>
                <p className="text-sm text-slate-700">
                  {t.rich("classSummary", {
                    code: c.joinCode,
                    students: c._count.enrollments,
                    assignments: c._count.assignments,
                    mono: (chunks) => <span className="font-mono">{chunks}</span>,
                  })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
