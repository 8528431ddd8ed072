import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/server/auth/session";
import { listDocuments } from "@/lib/server/data/documents";
import { UploadForm } from "@/components/instructor/upload-form";
import { TitledSection } from "@/components/ui/titled-section";
import type { UploadKind } from "@/lib/uploads/extract";
import { listPendingJobs } from "@/lib/server/data/upload-jobs";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("documents"))("title") };
}

export default async function DocumentsPage() {
  const user = await requireRole("INSTRUCTOR", "ADMIN");
  const [documents, pending, t, tj, format] = await Promise.all([listDocuments(user), listPendingJobs(user), getTranslations("documents"), getTranslations("upload-jobs"), getFormatter()]);
  return (
    <div className="space-y-8">
      <TitledSection id="documents-heading" title={t("title")} level={1} className="space-y-2">
        <p className="text-slate-700">{t("intro")}</p>
        {pending.length > 0 && (
          <div className="space-y-1">
            <h2 className="text-lg font-semibold">{tj("pendingHeading")}</h2>
            <ul className="space-y-1">
              {pending.map((j) => (
                <li key={j.id}>
                  <Link href={`/instructor/documents/jobs/${j.id}`} className="text-brand-700 underline">
                    {tj("pendingItem", { fileName: j.fileName, stage: tj(`stage.${j.stage}`), percent: j.percent })}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        )}
        {documents.length === 0 ? (
          <p className="text-slate-700">{t("none")}</p>
        ) : (
          <ul className="space-y-2">
            {documents.map((d) => (
              <li key={d.id} className="rounded-lg border border-slate-200 bg-white p-3">
                <Link href={`/instructor/documents/${d.id}`} className="font-medium text-brand-700 underline" lang={d.language}>
                  {d.title}
                </Link>
                <p className="text-sm text-slate-700">
                  {t("listItem", {
                    kind: t(`kinds.${d.kind as UploadKind}`),
                    questions: d.questionCount,
                    published: d.classes.length ? "yes" : "no",
                    classes: format.list(d.classes.map((c) => c.name)),
                  })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </TitledSection>
      <TitledSection id="add-heading" title={t("addHeading")}>
        <UploadForm />
      </TitledSection>
    </div>
  );
}
