"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { saveReviewSettingsAction, type SettingsState } from "../actions";

export function ReviewSettingsForm({ values }: { values: SettingsState["values"] }) {
  const [state, action, pending] = useActionState(saveReviewSettingsAction, { ok: false, message: "", errors: {}, values });
  return (
    <form action={action} noValidate className="max-w-sm space-y-3">
      <Field
        name="desiredRetention"
        label="Desired retention"
        inputMode="decimal"
        defaultValue={state.values.desiredRetention}
        error={state.errors.desiredRetention}
        hint="The chance you still remember a fact when it comes back, from 0.70 to 0.97. Higher means more reviews."
      />
      <Field name="newCardsPerDay" label="New cards per day" inputMode="numeric" defaultValue={state.values.newCardsPerDay} error={state.errors.newCardsPerDay} hint="From 0 to 100." />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save settings"}
      </Button>
      <p role="status" className="min-h-5 text-sm text-green-800">
        {state.ok ? state.message : state.message && <span className="text-red-700">{state.message}</span>}
      </p>
    </form>
  );
}
