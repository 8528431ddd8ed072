"use client";
import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { createClassAction } from "@/app/instructor/actions";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { emptyFormState } from "@/components/ui/form-state";

export function CreateClassForm() {
  const [state, action, pending] = useActionState(createClassAction, emptyFormState);
  const t = useTranslations("instructor.createClass");
  // The class's due days end at midnight where its teacher is: the browser knows the zone, the server does not.
  const timeZone = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (timeZone.current) timeZone.current.value = Intl.DateTimeFormat().resolvedOptions().timeZone ?? "";
  }, []);
  return (
    <form action={action} noValidate className="flex flex-wrap items-start gap-3">
      <input ref={timeZone} type="hidden" name="timeZone" defaultValue="" />
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
