import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/server/auth/session";
import { getDocumentPreview } from "@/lib/server/data/documents";
import { decodeParamOrNotFound, orNotFound } from "@/lib/server/http";
import { lessonBodySchema } from "@/lib/schemas/lesson";
import { UploadForm } from "@/components/instructor/upload-form";
import { PublishForm } from "@/components/instructor/publish-form";
import { ConfirmAction } from "@/components/instructor/confirm-action";
import { deleteDocumentAction } from "@/app/instructor/documents/actions";
import { UPLOAD_TEXT as T } from "@/lib/uploads/messages";
import { getTranslations } from "next-intl/server";
import { PREVIEW_PAGE_SIZE } from "@/lib/server/data/documents";

export const metadata: Metadata = { title: "Document preview" };

/** `?show=type:n` (repeatable): list the first n questions of that type instead of PREVIEW_PAGE_SIZE. */
function shownCounts(show: string | string[] | undefined): Record<string, number> {
  const shown: Record<string, number> = {};
  for (const item of [show ?? []].flat()) {
    const [type, n] = item.split(":");
    if (type && Number.isInteger(Number(n)) && Number(n) > 0) shown[type] = Math.min(Number(n), 100_000);
  }
  return shown;
}

export default async function DocumentPreviewPage({ params, searchParams }: { params: Promise<{ documentId: string }>; searchParams: Promise<{ show?: string | string[] }> }) {
  const user = await requireRole("INSTRUCTOR", "ADMIN");
  const shown = shownCounts((await searchParams).show);
  const doc = await orNotFound(getDocumentPreview(user, decodeParamOrNotFound((await params).documentId), shown));
  const t = await getTranslations("upload-jobs");
  const body = lessonBodySchema.parse(JSON.parse(doc.lesson.body));
  const lang = doc.lesson.language;
  // A "show more" link keeps what the other types already show.
  const moreHref = (type: string, n: number) => `?${new URLSearchParams([...Object.entries({ ...shown, [type]: n })].map(([k, v]) => ["show", `${k}:${v}`])).toString()}#type-${type}`;
  const checks = Object.entries(doc.report.checks).sort(([a], [b]) => a.localeCompare(b));
  return (
    <div className="space-y-8">
      <p className="text-sm">
        <Link href="/instructor/documents" className="text-brand-700 underline">
          ← {T.pageTitle}
        </Link>
      </p>
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold" lang={lang}>
          {doc.lesson.title}
        </h1>
        <p className="text-sm text-slate-700">
          {T.preview} · {doc.kind} · {doc.fileName} · {(doc.bytes / 1024).toFixed(0)} KB · {lang} · {doc.questionCount} questions · {doc.report.figures} figures
          {doc.lesson.source ? ` · ${doc.lesson.source}` : ""}
        </p>
      </header>
      <section aria-labelledby="publish-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="publish-heading" className="text-xl font-semibold">
          {T.publishHeading}
        </h2>
        <PublishForm documentId={doc.id} classes={doc.classes} publishedTo={doc.publishedTo} />
        <p className="text-sm">
          <Link href={`/lessons/${doc.lesson.slug}`} className="text-brand-700 underline">
            {T.lessonHeading}: /lessons/{doc.lesson.slug}
          </Link>
        </p>
      </section>
      <section aria-labelledby="questions-heading" className="space-y-3">
        <h2 id="questions-heading" className="text-xl font-semibold">
          {T.questionsHeading}
        </h2>
        {doc.types.map(({ type, total, questions }) => (
          <details key={type} id={`type-${type}`} className="rounded border border-slate-200 bg-white p-3" open={doc.types.length <= 3 || type in shown}>
            <summary className="font-medium">
              {type} ({total})
            </summary>
            <ol className="mt-2 list-decimal space-y-2 pl-6">
              {questions.map((q) => (
                <li key={q.id}>
                  <span lang={lang}>{q.stem}</span> → <strong lang={lang}>{q.answerText}</strong>{" "}
                  <Link href={`/instructor/questions/${encodeURIComponent(q.id)}`} className="text-sm text-brand-700 underline">
                    review
                  </Link>
                </li>
              ))}
            </ol>
            {questions.length < total && (
              <p className="mt-2 text-sm text-slate-700">
                {t("questionsShown", { shown: questions.length, total })}{" "}
                <Link href={moreHref(type, questions.length + PREVIEW_PAGE_SIZE * 4)} className="text-brand-700 underline" scroll={false}>
                  {t("moreQuestions", { count: Math.min(PREVIEW_PAGE_SIZE * 4, total - questions.length) })}
                </Link>
              </p>
            )}
          </details>
        ))}
      </section>
      <section aria-labelledby="report-heading" className="space-y-2">
        <h2 id="report-heading" className="text-xl font-semibold">
          {T.reportHeading}
        </h2>
        <table className="text-sm">
          <caption className="sr-only">{T.reportHeading}</caption>
          <thead>
            <tr>
              <th scope="col" className="pr-4 text-left">check</th>
              <th scope="col" className="pr-4 text-right">run</th>
              <th scope="col" className="text-right">passed</th>
            </tr>
          </thead>
          <tbody>
            {checks.map(([name, c]) => (
              <tr key={name}>
                <th scope="row" className="pr-4 text-left font-normal">{name}</th>
                <td className="pr-4 text-right">{c.run}</td>
                <td className="text-right">{c.run ? `${Math.round((100 * c.passed) / c.run)}%` : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="text-sm text-slate-700">
          questions: {doc.report.sync.questions.created} new, {doc.report.sync.questions.updated} changed, {doc.report.sync.questions.unchanged} unchanged, {doc.report.sync.questions.retired} retired
        </p>
      </section>
      <section aria-labelledby="rejected-heading" className="space-y-2">
        <h2 id="rejected-heading" className="text-xl font-semibold">
          {T.rejectedHeading} ({doc.report.rejectedTotal})
        </h2>
        <details className="rounded border border-slate-200 bg-white p-3">
          <summary>{T.rejectedHeading}</summary>
          <ul className="mt-2 space-y-2 text-sm">
            {doc.report.rejected.map((r, i) => (
              <li key={i}>
                <span className="text-slate-600">{r.type}</span> · <span lang={lang}>{r.stem}</span>
                <br />
                <span className="text-slate-700">{r.reasons.join("; ")}</span>
              </li>
            ))}
          </ul>
        </details>
      </section>
      <section aria-labelledby="lesson-heading" className="space-y-2">
        <h2 id="lesson-heading" className="text-xl font-semibold">
          {T.lessonHeading}
        </h2>
        <div lang={lang} className="max-h-96 space-y-2 overflow-y-auto rounded border border-slate-200 bg-white p-3" tabIndex={0} aria-labelledby="lesson-heading">
          {body.sections.map((s) => (
            <div key={s.id} className="space-y-1">
              {s.heading && <h3 className="font-semibold">{s.heading}</h3>}
              {s.paragraphs.map((p) => (
                <p key={p.id}>{p.sentences.map((x) => x.text).join(lang === "zh" ? "" : " ")}</p>
              ))}
            </div>
          ))}
        </div>
      </section>
      <section aria-labelledby="replace-heading" className="space-y-3">
        <h2 id="replace-heading" className="text-xl font-semibold">
          {T.replaceHeading}
        </h2>
        <UploadForm replaceId={doc.id} />
      </section>
      <ConfirmAction label={T.deleteDocument} question={T.deleteConfirm} confirmLabel={T.deleteDocument} action={deleteDocumentAction.bind(null, doc.id)} />
    </div>
  );
}
