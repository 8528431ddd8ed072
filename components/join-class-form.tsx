"use client";
import { useActionState } from "react";
import { joinClassAction, type JoinState } from "@/app/classes/actions";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { useTranslations } from "next-intl";

const initial: JoinState = { ok: false, message: "" };

export function JoinClassForm({ code }: { code: string }) {
  const [state, action, pending] = useActionState(joinClassAction, initial);
  const t = useTranslations("classes.join");
  return (
    <form action={action} noValidate className="flex flex-wrap items-start gap-3">
      <div className="w-48">
        <Field name="code" label={t("code")} defaultValue={code} autoComplete="off" autoCapitalize="characters" error={state.error} />
      </div>
      <Button type="submit" disabled={pending} className="mt-6">
        {t("submit")}
      </Button>
      <p role="status" className="mt-8 text-sm text-green-800">
        {state.ok ? state.message : ""}
      </p>
    </form>
  );
}
