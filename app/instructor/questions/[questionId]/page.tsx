import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/server/auth/session";
import { getQuestionForReview } from "@/lib/server/data/question-detail";
import { getEditLog } from "@/lib/server/data/question-review";
import { decodeParamOrNotFound, orNotFound } from "@/lib/server/http";
import { EditQuestionForm } from "@/components/instructor/edit-question-form";
import { setRetiredAction } from "@/app/instructor/actions";

export const metadata: Metadata = { title: "Review question" };

export default async function ReviewQuestionPage({ params }: { params: Promise<{ questionId: string }> }) {
  const user = await requireRole("INSTRUCTOR", "ADMIN");
  const questionId = decodeParamOrNotFound((await params).questionId);
  const q = await orNotFound(getQuestionForReview(user, questionId));
  const log = await getEditLog(user, questionId);
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/instructor/questions" className="text-brand-700 underline">
          ← Question statistics
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">Review a generated question</h1>
      <p className="text-sm text-slate-700">
        {q.type} · lesson {q.lessonSlug} · {q.responses} answers · {q.retired ? "retired" : "in use"} · id <code>{q.id}</code>
      </p>
      <p>
        Key: <strong lang={q.language}>{q.answerText}</strong>
      </p>
      <blockquote lang={q.language} className="border-l-2 border-slate-400 pl-3 text-slate-700">
        “{q.source.quote}”{" "}
        <Link href={`/lessons/${q.lessonSlug}#${q.source.sentenceId}`} className="text-brand-700 underline" lang="en">
          source
        </Link>
      </blockquote>
      <p id="edit-scope" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-slate-800">
        Changes on this page (edits, retiring) apply to {q.editScope}.
      </p>
      <form action={setRetiredAction.bind(null, q.id, !q.retiredInScope)}>
        <button type="submit" className="rounded border border-slate-400 bg-white px-3 py-1.5">
          {q.retiredInScope ? "Restore this question" : "Retire this question"}
        </button>
      </form>
      <EditQuestionForm questionId={q.id} language={q.language} stem={q.stem} explanation={q.explanation} options={q.optionsEditable ? q.options : null} />
      {q.flags.length > 0 && (
        <section aria-labelledby="flags-heading">
          <h2 id="flags-heading" className="text-lg font-semibold">
            Student flags
          </h2>
          <ul className="list-inside list-disc text-sm">
            {q.flags.map((f, i) => (
              <li key={i}>
                {f.reason}
                {f.comment ? `: ${f.comment}` : ""} ({f.createdAt.toISOString().slice(0, 10)})
              </li>
            ))}
          </ul>
        </section>
      )}
      {log.length > 0 && (
        <section aria-labelledby="log-heading">
          <h2 id="log-heading" className="text-lg font-semibold">
            Change log
          </h2>
          <ul className="space-y-1 text-sm">
            {log.map((l, i) => (
              <li key={i}>
                {l.createdAt.toISOString().slice(0, 16).replace("T", " ")} · {l.user?.name ?? "deleted user"} changed {l.field}: “{l.before}” → “{l.after}”
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
