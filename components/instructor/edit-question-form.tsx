"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { editQuestionAction } from "@/app/instructor/actions";
import { emptyFormState } from "@/components/ui/form-state";

interface Props {
  questionId: string;
  language: string;
  stem: string;
  explanation: string;
  options: { id: string; text: string }[] | null;
}

export function EditQuestionForm({ questionId, language, stem, explanation, options }: Props) {
  const [state, action, pending] = useActionState(editQuestionAction.bind(null, questionId), emptyFormState);
  const t = useTranslations("instructor.edit");
  return (
    <form action={action} noValidate className="space-y-3">
      <div>
        <label htmlFor="stem" className="block font-medium">
          {t("stem")}
        </label>
        <textarea id="stem" name="stem" lang={language} defaultValue={stem} rows={3} aria-describedby="stem-error" aria-invalid={state.errors.stem ? true : undefined} className="block w-full rounded border border-slate-400 p-2" />
        <p id="stem-error" aria-live="polite" className="min-h-5 text-sm text-red-700">
          {state.errors.stem}
        </p>
      </div>
      {options && (
        <fieldset className="space-y-2" aria-describedby="options-error">
          <legend className="font-medium">{t("options")}</legend>
          {options.map((o, i) => (
            <div key={o.id}>
              <label htmlFor={`option-${o.id}`} className="text-sm">
                {t("option", { number: i + 1 })}
              </label>
              <input id={`option-${o.id}`} name={`option:${o.id}`} lang={language} defaultValue={o.text} className="block w-full max-w-md rounded border border-slate-400 px-2 py-1" />
            </div>
          ))}
          <p id="options-error" aria-live="polite" className="min-h-5 text-sm text-red-700">
            {state.errors.options}
          </p>
        </fieldset>
      )}
      <div>
        <label htmlFor="explanation" className="block font-medium">
          {t("explanation")}
        </label>
        <textarea id="explanation" name="explanation" lang={language} defaultValue={explanation} rows={3} className="block w-full rounded border border-slate-400 p-2" />
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
        {t("submit")}
      </button>
      <p role="status" className="text-sm text-green-800">
        {state.ok ? state.message : state.message && <span className="text-red-700">{state.message}</span>}
      </p>
    </form>
  );
}
