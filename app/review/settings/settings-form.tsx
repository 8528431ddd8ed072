"use client";
import { useActionState, useEffect } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { saveReviewSettingsAction, type SettingsState } from "../actions";

export function ReviewSettingsForm({ values, timeZones }: { values: SettingsState["values"]; timeZones: string[] }) {
  const [state, action, pending] = useActionState(saveReviewSettingsAction, { ok: false, message: "", errors: {}, values });
  const t = useTranslations("review.settings");
  // No zone saved yet: offer the browser's (decisions/0040).
  useEffect(() => {
    const input = document.getElementById("timeZone") as HTMLInputElement | null;
    if (input && !input.value) input.value = Intl.DateTimeFormat().resolvedOptions().timeZone ?? "";
  }, []);
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
      <Field name="timeZone" label={t("timeZone")} list="time-zones" autoComplete="off" spellCheck={false} defaultValue={state.values.timeZone} error={state.errors.timeZone} hint={t("timeZoneHint")} />
      <datalist id="time-zones">
        {timeZones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("save")}
      </Button>
      <p role="status" className="min-h-5 text-sm text-green-800">
        {state.ok ? state.message : state.message && <span className="text-red-700">{state.message}</span>}
      </p>
    </form>
  );
}
