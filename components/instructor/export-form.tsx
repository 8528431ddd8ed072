import { EXPORT_FORMATS } from "@/lib/export/formats";
import { useTranslations } from "next-intl";

export const EXPORT_FORM_ID = "export-form";

interface Props {
  lessons: { slug: string; title: string; language: string }[];
  sectors: { id: string; nameEn: string; nameZh: string }[];
  /** The lesson to preselect (the one the page shows), if any. */
  lesson?: string;
  /** Whether the page lists questions that can be ticked (checkboxes with form={EXPORT_FORM_ID}). */
  canTick: boolean;
}

/** Its strings are the `instructor.export` messages. A plain GET form: the browser downloads the file the route answers with; no script needed. */
export function ExportForm({ lessons, sectors, lesson, canTick }: Props) {
  const t = useTranslations("instructor.export");
  const select = "max-w-xs rounded border border-slate-400 bg-white px-2 py-1.5";
  return (
    <section aria-labelledby="export-heading" className="space-y-2 rounded border border-slate-200 bg-white p-4">
      <h2 id="export-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <form id={EXPORT_FORM_ID} method="get" action="/instructor/export" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="export-format" className="block text-sm font-medium">
            {t("format")}
          </label>
          <select id="export-format" name="format" defaultValue="moodle" className={select}>
            {EXPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`formats.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="export-scope" className="block text-sm font-medium">
            {t("scope")}
          </label>
          <select id="export-scope" name="scope" defaultValue={lesson ? `lesson:${lesson}` : undefined} className={select}>
            <optgroup label={t("lessons")}>
              {lessons.map((l) => (
                <option key={l.slug} value={`lesson:${l.slug}`} lang={l.language}>
                  {l.title}
                </option>
              ))}
            </optgroup>
            <optgroup label={t("sectors")}>
              {sectors.map((s) => (
                <option key={s.id} value={`sector:${s.id}`}>
                  {s.nameEn} · {s.nameZh}
                </option>
              ))}
            </optgroup>
            {canTick && <option value="selected">{t("selected")}</option>}
          </select>
        </div>
        <button type="submit" className="rounded bg-brand-600 px-4 py-1.5 font-medium text-white hover:bg-brand-700">
          {t("submit")}
        </button>
      </form>
    </section>
  );
}
