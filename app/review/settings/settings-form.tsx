"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { saveReviewSettingsAction, type SettingsState } from "../actions";

export function ReviewSettingsForm({ values }: { values: SettingsState["values"] }) {
  const [state, action, pending] = useActionState(saveReviewSettingsAction, { ok: false, message: "", errors: {}, values });
  const t = useTranslations("review.settings");
  return (
    <form action={action} noValidate className="max-w-sm space-y-3">
      <Field
        name="desiredRetention"
        label={t("retention")}
        inputMode="decimal"
        defaultValue={state.values.desiredRetention}
        error={state.errors.desiredRetention}
        hint={t("retentionHint")}
      />
      <Field name="newCardsPerDay" label={t("newPerDay")} inputMode="numeric" defaultValue={state.values.newCardsPerDay} error={state.errors.newCardsPerDay} hint={t("newPerDayHint")} />
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("save")}
      </Button>
      <p role="status" className="min-h-5 text-sm text-green-800">
        {state.ok ? state.message : state.message && <span className="text-red-700">{state.message}</span>}
      </p>
    </form>
  );
}
