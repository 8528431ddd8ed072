import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { requireRole } from "@/lib/server/auth/session";
import { getClassOverview } from "@/lib/server/data/class-progress";
import { now } from "@/lib/server/clock";
import { listLessons } from "@/lib/server/data/lessons";
import { listSectors } from "@/lib/server/data/sectors";
import { orNotFound } from "@/lib/server/http";
import { siteOrigin } from "@/lib/site-origin";
import { dayIn } from "@/lib/time-zone";
import { ClassTable } from "@/components/instructor/class-table";
import { AssignForm } from "@/components/instructor/assign-form";
import { ConfirmAction } from "@/components/instructor/confirm-action";
import { DueDateForm } from "@/components/instructor/due-date-form";
import { removeAssignmentAction, removeStudentAction } from "@/app/instructor/actions";

export const metadata: Metadata = { title: "Class" };

export default async function ClassPage({ params }: { params: Promise<{ classId: string }> }) {
  const user = await requireRole("INSTRUCTOR", "ADMIN");
  const { classId } = await params;
  const overview = await orNotFound(getClassOverview(user, classId, await now()));
  const [lessons, sectors] = await Promise.all([listLessons(user), listSectors(user)]);
  const joinLink = `${siteOrigin(await headers())}/classes?code=${overview.joinCode}`;
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href="/instructor" className="text-brand-700 underline">
            ← Your classes
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{overview.name}</h1>
        <p>
          Join code: <strong className="font-mono text-lg" data-testid="join-code">{overview.joinCode}</strong> · link:{" "}
          <span className="break-all font-mono text-sm">{joinLink}</span>
        </p>
      </header>

      <section aria-labelledby="assign-heading" className="space-y-2">
        <h2 id="assign-heading" className="text-lg font-semibold">
          Assign
        </h2>
        <AssignForm classId={classId} lessons={lessons} sectors={sectors} />
      </section>

      <section aria-labelledby="assignments-heading" className="space-y-2">
        <h2 id="assignments-heading" className="text-lg font-semibold">
          Assignments
        </h2>
        <p className="text-sm text-slate-700" data-testid="class-time-zone">
          Due dates end at midnight in the class&apos;s time zone, {overview.timeZone}.
        </p>
        {overview.assignments.length === 0 ? (
          <p className="text-slate-700">Nothing assigned yet.</p>
        ) : (
          <ul className="space-y-3" data-testid="assignments">
            {overview.assignments.map((a) => (
              <li key={a.id} className="space-y-1 rounded border border-slate-200 p-2">
                <p>
                  <span className="font-medium">{a.title}</span> <span className="text-sm text-slate-700">({a.scope === "lesson" ? "lesson" : "sector"}{a.dueAt ? `, due ${dayIn(a.dueAt, overview.timeZone)}` : ", no due date"})</span>
                </p>
                <div className="flex flex-wrap items-center gap-4">
                  <DueDateForm classId={classId} assignmentId={a.id} title={a.title} due={a.dueAt ? dayIn(a.dueAt, overview.timeZone) : ""} />
                  <ConfirmAction label={`Remove ${a.title}`} question={`Remove the assignment ${a.title}? Students keep their attempts.`} confirmLabel="Yes, remove the assignment" action={removeAssignmentAction.bind(null, classId, a.id)} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="progress-heading" className="space-y-2">
        <h2 id="progress-heading" className="text-lg font-semibold">
          Progress
        </h2>
        <p className="text-sm text-slate-700">
          Class work only: quizzes on an assignment started after it was set and after the student joined. The score is the student&apos;s first finished attempt; retakes do not change it.
        </p>
        {overview.students.length === 0 ? (
          <p className="text-slate-700">No students yet: share the join code.</p>
        ) : (
          <ClassTable
            classId={classId}
            assignments={overview.assignments.map((a) => ({ ...a, dueAt: a.dueAt ? dayIn(a.dueAt, overview.timeZone) : null }))}
            students={overview.students.map((s) => ({ ...s, lastActivity: s.lastActivity?.toISOString() ?? null, review: { reviews7d: s.review.reviews7d, cards: s.review.cards, dueNow: s.review.dueNow, retention30d: s.review.retention30d } }))}
          />
        )}
        <p className="text-sm">
          Download (CSV):{" "}
          <a href={`/instructor/classes/${classId}/export/table`} className="text-brand-700 underline">class table</a> ·{" "}
          <a href={`/instructor/classes/${classId}/export/questions`} className="text-brand-700 underline">question statistics</a> ·{" "}
          <a href={`/instructor/classes/${classId}/export/responses`} className="text-brand-700 underline">all responses</a>
        </p>
      </section>

      <section aria-labelledby="insight-heading" className="space-y-2">
        <h2 id="insight-heading" className="text-lg font-semibold">
          What the class gets wrong
        </h2>
        <ul className="list-inside list-disc">
          <li>
            <Link href={`/instructor/questions?classId=${classId}`} className="text-brand-700 underline">
              Question statistics for this class
            </Link>
          </li>
          {overview.assignments
            .filter((a) => a.scope === "lesson")
            .map((a) => (
              <li key={a.id}>
                <Link href={`/instructor/classes/${classId}/heatmap/${a.scopeId}`} className="text-brand-700 underline">
                  Source heatmap: {a.title}
                </Link>
              </li>
            ))}
        </ul>
      </section>

      {overview.students.length > 0 && (
        <section aria-labelledby="members-heading" className="space-y-2">
          <h2 id="members-heading" className="text-lg font-semibold">
            Students
          </h2>
          <ul className="space-y-1">
            {overview.students.map((s) => (
              <li key={s.id} className="flex items-center gap-3">
                <span>
                  {s.name} <span className="text-sm text-slate-600">{s.email}</span>
                </span>
                <ConfirmAction label={`Remove ${s.name}`} question={`Remove ${s.name} from the class?`} confirmLabel={`Yes, remove ${s.name}`} action={removeStudentAction.bind(null, classId, s.id)} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
