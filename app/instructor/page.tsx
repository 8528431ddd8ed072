import type { Metadata } from "next";
import { requireRole } from "@/lib/server/auth/session";

export const metadata: Metadata = { title: "Instructor" };

export default async function InstructorPage() {
  const user = await requireRole("INSTRUCTOR", "ADMIN");
  return (
    <section aria-labelledby="instructor-heading" className="space-y-4">
      <h1 id="instructor-heading" className="text-2xl font-semibold">
        Instructor dashboard
      </h1>
      <p className="text-slate-700">
        Welcome, {user.name}. Classes, progress tracking and the review queue for generated questions arrive here next.
      </p>
    </section>
  );
}
