"use client";
import { useActionState, useId } from "react";
import { flagQuestionAction, type FlagState } from "@/app/quiz/actions";
import { useTranslations } from "next-intl";

const initial: FlagState = { ok: false, message: "" };

/** "Something wrong with this question?" A flag goes to the instructors' review queue. */
export function FlagForm({ questionId }: { questionId: string }) {
  const [state, action, pending] = useActionState(flagQuestionAction, initial);
  const id = useId();
  const t = useTranslations("quiz.flag");
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-slate-700 underline">{t("summary")}</summary>
      <form action={action} className="mt-2 space-y-2">
        <input type="hidden" name="questionId" value={questionId} />
        <fieldset className="flex flex-wrap gap-4">
          <legend className="mb-1 font-medium">{t("what")}</legend>
          {[
            ["ambiguous", t("ambiguous")],
            ["wrong-key", t("wrongKey")],
            ["other", t("other")],
          ].map(([value, label]) => (
            <label key={value} className="flex items-center gap-1">
              <input type="radio" name="reason" value={value} required /> {label}
            </label>
          ))}
        </fieldset>
        <label htmlFor={`${id}-comment`} className="block font-medium">
          {t("comment")}
        </label>
        <textarea id={`${id}-comment`} name="comment" rows={2} maxLength={1000} className="block w-full rounded border border-slate-400 p-2" />
        <button type="submit" disabled={pending} className="rounded border border-slate-400 bg-white px-3 py-1.5">
          {t("send")}
        </button>
        <p role="status" className={state.ok ? "text-green-800" : "text-red-700"}>
          {state.message}
        </p>
      </form>
    </details>
  );
}
