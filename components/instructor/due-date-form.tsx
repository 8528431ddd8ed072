"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { setAssignmentDueAction } from "@/app/instructor/actions";
import { emptyFormState } from "@/components/ui/form-state";

interface Props {
  classId: string;
  assignmentId: string;
  title: string;
  /** The current due date as YYYY-MM-DD, or "" for none. */
  due: string;
}

/** Changes (or clears) one assignment's due date in place. */
export function DueDateForm({ classId, assignmentId, title, due }: Props) {
  const [state, action, pending] = useActionState(setAssignmentDueAction.bind(null, classId, assignmentId), emptyFormState);
  const id = `due-${assignmentId}`;
  const t = useTranslations("instructor.due");
  return (
    <form action={action} noValidate className="flex flex-wrap items-center gap-2 text-sm">
      <label htmlFor={id}>{t("label", { title })}</label>
      <input id={id} name="dueAt" type="date" defaultValue={due} aria-invalid={state.errors.dueAt ? true : undefined} aria-describedby={`${id}-message`} className="rounded border border-slate-400 px-2 py-1" />
      <button type="submit" disabled={pending} className="rounded border border-slate-300 px-2 py-0.5">
        {t("submit")}
      </button>
      <span id={`${id}-message`} role="status" className={state.ok ? "text-green-800" : "text-red-700"}>
        {state.errors.dueAt ?? state.message}
      </span>
    </form>
  );
}
