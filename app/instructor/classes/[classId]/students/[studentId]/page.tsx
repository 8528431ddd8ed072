import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/server/auth/session";
import { getStudentDrilldown } from "@/lib/server/data/class-progress";
import { orNotFound } from "@/lib/server/http";

export const metadata: Metadata = { title: "Student" };

export default async function StudentDrilldownPage({ params }: { params: Promise<{ classId: string; studentId: string }> }) {
  const user = await requireRole("INSTRUCTOR", "ADMIN");
  const { classId, studentId } = await params;
  const { student, attempts } = await orNotFound(getStudentDrilldown(user, classId, studentId));
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={`/instructor/classes/${classId}`} className="text-brand-700 underline">
          ← Class
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">
        {student.name} <span className="text-base font-normal text-slate-600">{student.email}</span>
      </h1>
      {attempts.length === 0 && <p>No quizzes yet.</p>}
      {attempts.map((a) => (
        <section key={a.id} aria-label={`Attempt started ${a.startedAt.toISOString().slice(0, 16)}`} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="font-semibold">
            {a.scope === "lesson" ? "Lesson" : "Sector"} {a.title} · {a.startedAt.toISOString().slice(0, 16).replace("T", " ")} ·{" "}
            {a.finishedAt ? `${Math.round((a.score ?? 0) * 100)}%` : "unfinished"} ({a.responses.length}/{a.totalCount} answered)
          </h2>
          <ol className="space-y-2">
            {a.responses.map((r) => (
              <li key={r.questionId} className={`rounded border-l-4 p-2 ${r.correct ? "border-green-700" : "border-red-700 bg-red-50"}`}>
                <p lang={r.language}>{r.stem}</p>
                <p className="text-sm" data-testid="student-answer">
                  {r.correct ? "Correct" : "Wrong"} · answered: <span lang={r.language}>{r.answerAsSeen}</span> · key: <span lang={r.language}>{r.answerText}</span>
                  {r.readAs ? ` · read as ${r.readAs}` : ""} · {Math.round(r.timeTakenMs / 1000)} s
                </p>
                {!r.correct && (
                  <blockquote lang={r.language} className="border-l-2 border-slate-400 pl-2 text-sm text-slate-700">
                    “{r.source.quote}”{" "}
                    <Link href={`/lessons/${r.lessonSlug}#${r.source.sentenceId}`} className="text-brand-700 underline" lang="en">
                      source
                    </Link>
                  </blockquote>
                )}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
