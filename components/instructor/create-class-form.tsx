"use client";
import { useActionState, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { createClassAction } from "@/app/instructor/actions";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { emptyFormState } from "@/components/ui/form-state";

const noSubscription = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone ?? "";

export function CreateClassForm() {
  const [state, action, pending] = useActionState(createClassAction, emptyFormState);
  const t = useTranslations("instructor.createClass");
  // The class's due days end at midnight where its teacher is: the browser knows the zone, the server does not.
  // A controlled value: React resets a form's uncontrolled fields after each submit, which lost the
  // zone when a first try was refused (no name) and created the class in UTC.
  const timeZone = useSyncExternalStore(noSubscription, browserTimeZone, () => "");
  return (
    <form action={action} noValidate className="flex flex-wrap items-start gap-3">
      <input type="hidden" name="timeZone" value={timeZone} />
      <div className="min-w-64 flex-1">
        <Field name="name" label={t("name")} required maxLength={100} error={state.errors.name} />
      </div>
      <Button type="submit" disabled={pending} className="mt-6">
        {t("submit")}
      </Button>
      <p role="status" className="basis-full text-sm text-red-700">
        {state.ok ? "" : state.message}
      </p>
    </form>
  );
}
