import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/server/auth/session";
import { decodeParamOrNotFound, orNotFound } from "@/lib/server/http";
import { getJobStatus } from "@/lib/server/data/upload-jobs";
import { jobProgressView } from "@/lib/server/upload-job-view";
import { JobProgress } from "@/components/instructor/job-progress";
import type { Locale } from "@/i18n/config";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("upload-jobs"))("title") };
}

/** A document's build in the background (decisions/0041): progress while it runs, the preview when done, the message if it failed. */
export default async function UploadJobPage({ params }: { params: Promise<{ jobId: string }> }) {
  const user = await requireRole("INSTRUCTOR", "ADMIN");
  const jobId = decodeParamOrNotFound((await params).jobId);
  const job = await orNotFound(getJobStatus(user, jobId));
  if (job.status === "done" && job.documentId) redirect(`/instructor/documents/${job.documentId}`);
  const [t, locale] = await Promise.all([getTranslations("upload-jobs"), getLocale()]);
  const view = jobProgressView(locale as Locale, job);
  const back = job.replaceId ? `/instructor/documents/${job.replaceId}` : "/instructor/documents";
  if (job.status === "failed") {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">{t("failedHeading")}</h1>
        <div role="alert" className="space-y-1 rounded border border-red-300 bg-red-50 p-3">
          <p className="font-medium text-red-800">
            {job.fileName}: {view.error}
          </p>
          <p className="text-sm text-slate-800">{t("failedNothingKept")}</p>
        </div>
        <p>
          <Link href={back} className="text-brand-700 underline">
            {t("tryAgain")}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("heading", { fileName: job.fileName })}</h1>
      <p className="text-slate-700">{t("intro")}</p>
      <JobProgress jobId={job.id} initial={view} />
      <p className="text-sm text-slate-600">{t("estimate")}</p>
      <noscript>
        <p>
          <a href={`/instructor/documents/jobs/${encodeURIComponent(job.id)}`} className="text-brand-700 underline">
            {t("refresh")}
          </a>
        </p>
      </noscript>
    </div>
  );
}
