import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/server/auth/session";
import { listDocuments } from "@/lib/server/data/documents";
import { UploadForm } from "@/components/instructor/upload-form";
import { UPLOAD_TEXT as T } from "@/lib/uploads/messages";
import { getTranslations } from "next-intl/server";
import { listPendingJobs } from "@/lib/server/data/upload-jobs";

export const metadata: Metadata = { title: "Your documents" };

export default async function DocumentsPage() {
  const user = await requireRole("INSTRUCTOR", "ADMIN");
  const [documents, pending, t] = await Promise.all([listDocuments(user), listPendingJobs(user), getTranslations("upload-jobs")]);
  return (
    <div className="space-y-8">
      <section aria-labelledby="documents-heading" className="space-y-2">
        <h1 id="documents-heading" className="text-2xl font-semibold">
          {T.pageTitle}
        </h1>
        <p className="text-slate-700">{T.intro}</p>
        {pending.length > 0 && (
          <div className="space-y-1">
            <h2 className="text-lg font-semibold">{t("pendingHeading")}</h2>
            <ul className="space-y-1">
              {pending.map((j) => (
                <li key={j.id}>
                  <Link href={`/instructor/documents/jobs/${j.id}`} className="text-brand-700 underline">
                    {t("pendingItem", { fileName: j.fileName, stage: t(`stage.${j.stage}`), percent: j.percent })}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        )}
        {documents.length === 0 ? (
          <p className="text-slate-700">{T.none}</p>
        ) : (
          <ul className="space-y-2">
            {documents.map((d) => (
              <li key={d.id} className="rounded-lg border border-slate-200 bg-white p-3">
                <Link href={`/instructor/documents/${d.id}`} className="font-medium text-brand-700 underline" lang={d.language}>
                  {d.title}
                </Link>
                <p className="text-sm text-slate-700">
                  {d.kind} · {d.questionCount} questions · {T.publishedTo}: {d.classes.length ? d.classes.map((c) => c.name).join(", ") : T.notPublished}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="add-heading" className="space-y-3">
        <h2 id="add-heading" className="text-xl font-semibold">
          {T.addHeading}
        </h2>
        <UploadForm />
      </section>
    </div>
  );
}
