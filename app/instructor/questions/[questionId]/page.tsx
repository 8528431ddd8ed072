import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { HTML_LANG } from "@/i18n/config";
import { requireRole } from "@/lib/server/auth/session";
import { getQuestionForReview } from "@/lib/server/data/question-detail";
import { editScopeOf, getEditLog } from "@/lib/server/data/question-review";
import { decodeParamOrNotFound, orNotFound } from "@/lib/server/http";
import { EditQuestionForm } from "@/components/instructor/edit-question-form";
import { setRetiredAction } from "@/app/instructor/actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("instructor.review"))("title") };
}

type Messages = import("next-intl").Messages["instructor"];

export default async function ReviewQuestionPage({ params }: { params: Promise<{ questionId: string }> }) {
  const user = await requireRole("INSTRUCTOR", "ADMIN");
  const questionId = decodeParamOrNotFound((await params).questionId);
  const q = await orNotFound(getQuestionForReview(user, questionId));
  const log = await getEditLog(user, questionId);
  const [t, tq, back, format, locale] = await Promise.all([getTranslations("instructor.review"), getTranslations("instructor.questions"), getTranslations("instructor.back"), getFormatter(), getLocale()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const type = tq.has(`types.${q.type as keyof Messages["questions"]["types"]}`) ? tq(`types.${q.type as keyof Messages["questions"]["types"]}`) : q.type;
  const reason = (r: string) => (t.has(`flagReasons.${r as keyof Messages["review"]["flagReasons"]}`) ? t(`flagReasons.${r as keyof Messages["review"]["flagReasons"]}`) : r);
  const field = (f: string) => (t.has(`fields.${f as keyof Messages["review"]["fields"]}`) ? t(`fields.${f as keyof Messages["review"]["fields"]}`) : f);
  const scope = editScopeOf(user).instructorId ? "own" : "shared";
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/instructor/questions" className="text-brand-700 underline">
          {back("statistics")}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="text-sm text-slate-700">
        {t.rich("meta", { type, lesson: q.lessonSlug, answers: q.responses, retired: q.retired ? "yes" : "no", id: q.id, code: (chunks) => <code>{chunks}</code> })}
      </p>
      <p>
        {t("key")} <strong lang={q.language}>{q.answerText}</strong>
      </p>
      <blockquote lang={q.language} className="border-l-2 border-slate-400 pl-3 text-slate-700">
        “{q.source.quote}”{" "}
        <Link href={`/lessons/${q.lessonSlug}#${q.source.sentenceId}`} className="text-brand-700 underline" lang={HTML_LANG[locale]}>
          {t("source")}
        </Link>
      </blockquote>
      <p id="edit-scope" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-slate-800">
        {t("scope", { scope })}
      </p>
      <form action={setRetiredAction.bind(null, q.id, !q.retiredInScope)}>
        <button type="submit" className="rounded border border-slate-400 bg-white px-3 py-1.5">
          {q.retiredInScope ? t("restore") : t("retire")}
        </button>
      </form>
      <EditQuestionForm questionId={q.id} language={q.language} stem={q.stem} explanation={q.explanation} options={q.optionsEditable ? q.options : null} />
      {q.flags.length > 0 && (
        <section aria-labelledby="flags-heading">
          <h2 id="flags-heading" className="text-lg font-semibold">
            {t("flagsHeading")}
          </h2>
          <ul className="list-inside list-disc text-sm">
            {q.flags.map((f, i) => (
              <li key={i}>
                {reason(f.reason)}
                {f.comment ? `: ${f.comment}` : ""} ({format.dateTime(f.createdAt, { dateStyle: "medium" })})
              </li>
            ))}
          </ul>
        </section>
      )}
      {log.length > 0 && (
        <section aria-labelledby="log-heading">
          <h2 id="log-heading" className="text-lg font-semibold">
            {t("logHeading")}
          </h2>
          <ul className="space-y-1 text-sm">
            {log.map((l, i) => (
              <li key={i}>
                {t("logEntry", { when: when(l.createdAt), who: l.user?.name ?? t("deletedUser"), field: field(l.field), before: l.before ?? "", after: l.after ?? "" })}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
