import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/server/auth/session";
import { listTaughtClasses } from "@/lib/server/data/classes";
import { CreateClassForm } from "@/components/instructor/create-class-form";

export const metadata: Metadata = { title: "Instructor" };

export default async function InstructorPage() {
  const user = await requireRole("INSTRUCTOR", "ADMIN");
  const classes = await listTaughtClasses(user);
  return (
    <div className="space-y-8">
      <section aria-labelledby="instructor-heading" className="space-y-2">
        <h1 id="instructor-heading" className="text-2xl font-semibold">
          Instructor dashboard
        </h1>
        <p className="text-slate-700">Welcome, {user.name}. Create a class, share its join code, assign lessons and follow progress.</p>
        <p>
          <Link href="/instructor/questions" className="text-brand-700 underline">
            Question statistics and review queue
          </Link>
        </p>
        <p>
          <Link href="/instructor/documents" className="text-brand-700 underline">
            Your documents: upload or paste a document to make a lesson
          </Link>
        </p>
      </section>
      <section aria-labelledby="classes-heading" className="space-y-4">
        <h2 id="classes-heading" className="text-xl font-semibold">
          Your classes
        </h2>
        <CreateClassForm />
        {classes.length === 0 ? (
          <p className="text-slate-700">No classes yet.</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {classes.map((c) => (
              <li key={c.id} className="rounded-lg border border-slate-200 bg-white p-4">
                <Link href={`/instructor/classes/${c.id}`} className="text-lg font-medium text-brand-700 underline">
                  {c.name}
                </Link>
                <p className="text-sm text-slate-700">
                  Code <span className="font-mono">{c.joinCode}</span> · {c._count.enrollments} students · {c._count.assignments} assignments
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
