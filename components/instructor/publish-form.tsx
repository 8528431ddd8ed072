"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { publishDocumentAction, type UploadFormState } from "@/app/instructor/documents/actions";
import { Button } from "@/components/ui/button";
import { emptyFormState } from "@/components/ui/form-state";

/** Publishes a document to exactly the classes ticked (unticking withdraws it). */
export function PublishForm({ documentId, classes, publishedTo }: { documentId: string; classes: { id: string; name: string }[]; publishedTo: string[] }) {
  const [state, action, pending] = useActionState<UploadFormState, FormData>(publishDocumentAction.bind(null, documentId), emptyFormState);
  const t = useTranslations("documents.publish");
  // A refusal sends back the classes ticked, so they stay ticked (the form resets to its defaults after its action).
  const ticked = state.values?.classIds ?? publishedTo;
  if (classes.length === 0) return <p className="text-slate-700">{t("noClasses")}</p>;
  return (
    <form action={action} className="space-y-3">
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-800">{t("legend")}</legend>
        {classes.map((c) => (
          <label key={c.id} className="flex items-center gap-2">
            <input type="checkbox" name="classId" value={c.id} defaultChecked={ticked.includes(c.id)} />
            {c.name}
          </label>
        ))}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {t("submit")}
      </Button>
      <p role="status" className={`text-sm ${state.ok ? "text-green-800" : "text-red-700"}`}>
        {state.message}
      </p>
    </form>
  );
}
