import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/server/auth/session";
import { getDocumentPreview } from "@/lib/server/data/documents";
import { decodeParamOrNotFound, orNotFound } from "@/lib/server/http";
import { lessonBodySchema } from "@/lib/schemas/lesson";
import { UploadForm } from "@/components/instructor/upload-form";
import { PublishForm } from "@/components/instructor/publish-form";
import { ConfirmAction } from "@/components/instructor/confirm-action";
import { TitledSection } from "@/components/ui/titled-section";
import { deleteDocumentAction } from "@/app/instructor/documents/actions";
import type { UploadKind } from "@/lib/uploads/extract";
import { PREVIEW_PAGE_SIZE } from "@/lib/server/data/documents";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("documents.preview"))("title") };
}

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
  const [t, tDocs, tTypes, tJobs, format] = await Promise.all([getTranslations("documents.preview"), getTranslations("documents"), getTranslations("instructor.questions.types"), getTranslations("upload-jobs"), getFormatter()]);
  const body = lessonBodySchema.parse(JSON.parse(doc.lesson.body));
  const lang = doc.lesson.language;
  // A question type's name in the reader's language (the generator's id for one this version does not know).
  const typeName = (type: string) => (tTypes.has(type as never) ? tTypes(type as never) : type);
  // A "show more" link keeps what the other types already show.
  const moreHref = (type: string, n: number) => `?${new URLSearchParams([...Object.entries({ ...shown, [type]: n })].map(([k, v]) => ["show", `${k}:${v}`])).toString()}#type-${type}`;
  const checks = Object.entries(doc.report.checks).sort(([a], [b]) => a.localeCompare(b));
  const sync = doc.report.sync.questions;
  return (
    <div className="space-y-8">
      <p className="text-sm">
        <Link href="/instructor/documents" className="text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold" lang={lang}>
          {doc.lesson.title}
        </h1>
        <p className="break-words text-sm text-slate-700">
          {t("meta", {
            kind: tDocs(`kinds.${doc.kind as UploadKind}`),
            fileName: doc.fileName,
            kilobytes: doc.bytes / 1024,
            language: tDocs(lang === "zh" ? "languages.zh" : "languages.en"),
            questions: doc.questionCount,
            figures: doc.report.figures,
          })}
          {doc.lesson.source ? <> · <span lang={lang}>{doc.lesson.source}</span></> : null}
        </p>
      </header>
      <TitledSection id="publish-heading" title={t("publishHeading")} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <PublishForm documentId={doc.id} classes={doc.classes} publishedTo={doc.publishedTo} />
        <p className="text-sm">
          <Link href={`/lessons/${doc.lesson.slug}`} className="break-all text-brand-700 underline">
            {t("lessonLink", { path: `/lessons/${doc.lesson.slug}` })}
          </Link>
        </p>
      </TitledSection>
      <TitledSection id="questions-heading" title={t("questionsHeading")}>
        {doc.types.map(({ type, total, questions }) => (
          <details key={type} id={`type-${type}`} className="rounded border border-slate-200 bg-white p-3" open={doc.types.length <= 3 || type in shown}>
            <summary className="font-medium">{t("typeCount", { type: typeName(type), count: total })}</summary>
            <ol className="mt-2 list-decimal space-y-2 pl-6">
              {questions.map((q) => (
                <li key={q.id} className="break-words">
                  <span lang={lang}>{q.stem}</span> → <strong lang={lang}>{q.answerText}</strong>{" "}
                  <Link href={`/instructor/questions/${encodeURIComponent(q.id)}`} className="whitespace-nowrap text-sm text-brand-700 underline">
                    {t("review")}
                  </Link>
                </li>
              ))}
            </ol>
            {questions.length < total && (
              <p className="mt-2 text-sm text-slate-700">
                {tJobs("questionsShown", { shown: questions.length, total })}{" "}
                <Link href={moreHref(type, questions.length + PREVIEW_PAGE_SIZE * 4)} className="text-brand-700 underline" scroll={false}>
                  {tJobs("moreQuestions", { count: Math.min(PREVIEW_PAGE_SIZE * 4, total - questions.length) })}
                </Link>
              </p>
            )}
          </details>
        ))}
      </TitledSection>
      <TitledSection id="report-heading" title={t("reportHeading")} className="space-y-2">
        <div className="overflow-x-auto">
          <table className="text-sm">
            <caption className="sr-only">{t("reportHeading")}</caption>
            <thead>
              <tr>
                <th scope="col" className="pr-4 text-left">{t("check")}</th>
                <th scope="col" className="whitespace-nowrap pr-4 text-right">{t("run")}</th>
                <th scope="col" className="whitespace-nowrap text-right">{t("passed")}</th>
              </tr>
            </thead>
            <tbody>
              {checks.map(([name, c]) => (
                <tr key={name}>
                  <th scope="row" className="pr-4 text-left font-normal">
                    <code lang="en">{name}</code>
                  </th>
                  <td className="whitespace-nowrap pr-4 text-right">{format.number(c.run)}</td>
                  <td className="whitespace-nowrap text-right">{c.run ? format.number(c.passed / c.run, { style: "percent" }) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="text-sm text-slate-600">{t("rulesNote")}</p>
        <p className="text-sm text-slate-700">{t("sync", { created: sync.created, updated: sync.updated, unchanged: sync.unchanged, retired: sync.retired })}</p>
      </TitledSection>
      <TitledSection id="rejected-heading" title={t("rejectedHeading", { count: doc.report.rejectedTotal })} className="space-y-2">
        <details className="rounded border border-slate-200 bg-white p-3">
          <summary>{t("rejectedShow")}</summary>
          <ul className="mt-2 space-y-2 text-sm">
            {doc.report.rejected.map((r, i) => (
              <li key={i} className="break-words">
                <span className="text-slate-600">{typeName(r.type)}</span> · <span lang={lang}>{r.stem}</span>
                <br />
                <span className="text-slate-700" lang="en">
                  {r.reasons.join("; ")}
                </span>
              </li>
            ))}
          </ul>
        </details>
      </TitledSection>
      <TitledSection id="lesson-heading" title={t("lessonHeading")} className="space-y-2">
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
      </TitledSection>
      <TitledSection id="replace-heading" title={t("replaceHeading")}>
        <UploadForm replaceId={doc.id} />
      </TitledSection>
      <ConfirmAction label={t("delete")} question={t("deleteConfirm")} confirmLabel={t("delete")} action={deleteDocumentAction.bind(null, doc.id)} />
    </div>
  );
}
