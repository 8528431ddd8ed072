"use client";
import { useActionState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { assignAction } from "@/app/instructor/actions";
import { emptyFormState } from "@/components/ui/form-state";

interface Props {
  classId: string;
  lessons: { slug: string; title: string }[];
  sectors: { id: string; nameEn: string; nameZh: string }[];
}

export function AssignForm({ classId, lessons, sectors }: Props) {
  const [state, action, pending] = useActionState(assignAction.bind(null, classId), emptyFormState);
  const t = useTranslations("instructor.assign");
  const locale = useLocale();
  return (
    <form action={action} noValidate className="flex flex-wrap items-start gap-3">
      <div>
        <label htmlFor="target" className="block text-sm font-medium">
          {t("target")}
        </label>
        <select id="target" name="target" aria-invalid={state.errors.target || state.errors.scopeId ? true : undefined} aria-describedby="target-error" className="max-w-xs rounded border border-slate-400 bg-white px-2 py-2">
          <option value="">{t("choose")}</option>
          <optgroup label={t("lessons")}>
            {lessons.map((l) => (
              <option key={l.slug} value={`lesson:${l.slug}`}>
                {l.title}
              </option>
            ))}
          </optgroup>
          <optgroup label={t("sectors")}>
            {sectors.map((s) => (
              <option key={s.id} value={`sector:${s.id}`}>
                {locale === "zh" ? s.nameZh : s.nameEn}
              </option>
            ))}
          </optgroup>
        </select>
        <p id="target-error" aria-live="polite" className="min-h-5 text-sm text-red-700">
          {state.errors.target ?? state.errors.scopeId}
        </p>
      </div>
      <div>
        <label htmlFor="dueAt" className="block text-sm font-medium">
          {t("dueAt")}
        </label>
        <input id="dueAt" name="dueAt" type="date" aria-invalid={state.errors.dueAt ? true : undefined} aria-describedby="dueAt-error" className="rounded border border-slate-400 px-2 py-1.5" />
        <p id="dueAt-error" aria-live="polite" className="min-h-5 text-sm text-red-700">
          {state.errors.dueAt}
        </p>
      </div>
      <button type="submit" disabled={pending} className="mt-6 rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
        {t("submit")}
      </button>
      <p role="status" className="mt-8 text-sm text-green-800">
        {state.ok ? state.message : state.message && <span className="text-red-700">{state.message}</span>}
      </p>
    </form>
  );
}
