import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/server/auth/session";
import { getClassOverview } from "@/lib/server/data/class-progress";
import { now } from "@/lib/server/clock";
import { listLessons } from "@/lib/server/data/lessons";
import { listSectors } from "@/lib/server/data/sectors";
import { orNotFound } from "@/lib/server/http";
import { siteOrigin } from "@/lib/site-origin";
import { dayIn } from "@/lib/time-zone";
import { INACTIVE_DAYS, NEEDS_HELP_SCORE } from "@/lib/server/data/class-progress";
import { ClassTable } from "@/components/instructor/class-table";
import { AssignForm } from "@/components/instructor/assign-form";
import { ConfirmAction } from "@/components/instructor/confirm-action";
import { DueDateForm } from "@/components/instructor/due-date-form";
import { removeAssignmentAction, removeStudentAction } from "@/app/instructor/actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("instructor.class"))("title") };
}

/** The data layer's "needs help" reasons (English, as the CSV and tests read them) by message key. */
const NEEDS_HELP_KEYS: Record<string, "lowScore" | "missing" | "inactive"> = {
  [`an assignment score under ${NEEDS_HELP_SCORE * 100}%`]: "lowScore",
  "missing work": "missing",
  [`inactive for ${INACTIVE_DAYS}+ days`]: "inactive",
};

export default async function ClassPage({ params }: { params: Promise<{ classId: string }> }) {
  const user = await requireRole("INSTRUCTOR", "ADMIN");
  const { classId } = await params;
  const overview = await orNotFound(getClassOverview(user, classId, await now(), await getLocale()));
  const [lessons, sectors] = await Promise.all([listLessons(user), listSectors(user)]);
  const joinLink = `${siteOrigin(await headers())}/classes?code=${overview.joinCode}`;
  const [t, tt, format] = await Promise.all([getTranslations("instructor.class"), getTranslations("instructor.table"), getFormatter()]);
  // Dates in the class's time zone, written the reader's way ("Jun 30, 2030", "2030年6月30日").
  const day = (d: Date) => format.dateTime(d, { timeZone: overview.timeZone, year: "numeric", month: "short", day: "numeric" });
  const reason = (r: string) => {
    const key = NEEDS_HELP_KEYS[r];
    return key ? tt(`reasons.${key}`, { percent: format.number(NEEDS_HELP_SCORE, { style: "percent" }), days: INACTIVE_DAYS }) : r;
  };
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href="/instructor" className="text-brand-700 underline">
            {(await getTranslations("instructor.back"))("classes")}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{overview.name}</h1>
        <p>
          {t.rich("joinCode", {
            code: overview.joinCode,
            link: joinLink,
            mono: (chunks) => (
              <strong className="font-mono text-lg" data-testid="join-code">
                {chunks}
              </strong>
            ),
            url: (chunks) => <span className="break-all font-mono text-sm">{chunks}</span>,
          })}
        </p>
      </header>

      <section aria-labelledby="assign-heading" className="space-y-2">
        <h2 id="assign-heading" className="text-lg font-semibold">
          {t("assignHeading")}
        </h2>
        <AssignForm classId={classId} lessons={lessons} sectors={sectors} />
      </section>

      <section aria-labelledby="assignments-heading" className="space-y-2">
        <h2 id="assignments-heading" className="text-lg font-semibold">
          {t("assignmentsHeading")}
        </h2>
        <p className="text-sm text-slate-700" data-testid="class-time-zone">
          {t("timeZone", { timeZone: overview.timeZone })}
        </p>
        {overview.assignments.length === 0 ? (
          <p className="text-slate-700">{t("nothingAssigned")}</p>
        ) : (
          <ul className="space-y-3" data-testid="assignments">
            {overview.assignments.map((a) => (
              <li key={a.id} className="space-y-1 rounded border border-slate-200 p-2">
                <p>
                  <span className="font-medium">{a.title}</span> <span className="text-sm text-slate-700">{t("assignmentMeta", { scope: a.scope, hasDue: a.dueAt ? "yes" : "no", due: a.dueAt ? day(a.dueAt) : "" })}</span>
                </p>
                <div className="flex flex-wrap items-center gap-4">
                  <DueDateForm classId={classId} assignmentId={a.id} title={a.title} due={a.dueAt ? dayIn(a.dueAt, overview.timeZone) : ""} />
                  <ConfirmAction label={t("removeAssignment", { title: a.title })} question={t("removeAssignmentQuestion", { title: a.title })} confirmLabel={t("removeAssignmentConfirm")} action={removeAssignmentAction.bind(null, classId, a.id)} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="progress-heading" className="space-y-2">
        <h2 id="progress-heading" className="text-lg font-semibold">
          {t("progressHeading")}
        </h2>
        <p className="text-sm text-slate-700">
          {t("progressNote")}
        </p>
        {overview.students.length === 0 ? (
          <p className="text-slate-700">{t("noStudents")}</p>
        ) : (
          <ClassTable
            classId={classId}
            assignments={overview.assignments.map((a) => ({ ...a, dueAt: a.dueAt ? day(a.dueAt) : null }))}
            students={overview.students.map((s) => ({ ...s, needsHelp: s.needsHelp.map(reason), lastActivity: s.lastActivity?.toISOString() ?? null, lastActivityLabel: s.lastActivity ? day(s.lastActivity) : null, review: { reviews7d: s.review.reviews7d, cards: s.review.cards, dueNow: s.review.dueNow, retention30d: s.review.retention30d } }))}
          />
        )}
        <p className="text-sm">
          {t("download")}{" "}
          <a href={`/instructor/classes/${classId}/export/table`} className="text-brand-700 underline">{t("downloadTable")}</a> ·{" "}
          <a href={`/instructor/classes/${classId}/export/questions`} className="text-brand-700 underline">{t("downloadQuestions")}</a> ·{" "}
          <a href={`/instructor/classes/${classId}/export/responses`} className="text-brand-700 underline">{t("downloadResponses")}</a>
        </p>
      </section>

      <section aria-labelledby="insight-heading" className="space-y-2">
        <h2 id="insight-heading" className="text-lg font-semibold">
          {t("insightHeading")}
        </h2>
        <ul className="list-inside list-disc">
          <li>
            <Link href={`/instructor/questions?classId=${classId}`} className="text-brand-700 underline">
              {t("classStatistics")}
            </Link>
          </li>
          {overview.assignments
            .filter((a) => a.scope === "lesson")
            .map((a) => (
              <li key={a.id}>
                <Link href={`/instructor/classes/${classId}/heatmap/${a.scopeId}`} className="text-brand-700 underline">
                  {t("heatmapLink", { title: a.title })}
                </Link>
              </li>
            ))}
        </ul>
      </section>

      {overview.students.length > 0 && (
        <section aria-labelledby="members-heading" className="space-y-2">
          <h2 id="members-heading" className="text-lg font-semibold">
            {t("studentsHeading")}
          </h2>
          <ul className="space-y-1">
            {overview.students.map((s) => (
              <li key={s.id} className="flex items-center gap-3">
                <span>
                  {s.name} <span className="text-sm text-slate-600">{s.email}</span>
                </span>
                <ConfirmAction label={t("removeStudent", { name: s.name })} question={t("removeStudentQuestion", { name: s.name })} confirmLabel={t("removeStudentConfirm", { name: s.name })} action={removeStudentAction.bind(null, classId, s.id)} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
