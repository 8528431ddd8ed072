"use client";
import { useActionState } from "react";
import { publishDocumentAction, type UploadFormState } from "@/app/instructor/documents/actions";
import { Button } from "@/components/ui/button";
import { emptyFormState } from "@/components/ui/form-state";
import { UPLOAD_TEXT as T } from "@/lib/uploads/messages";

/** Publishes a document to exactly the classes ticked (unticking withdraws it). */
export function PublishForm({ documentId, classes, publishedTo }: { documentId: string; classes: { id: string; name: string }[]; publishedTo: string[] }) {
  const [state, action, pending] = useActionState<UploadFormState, FormData>(publishDocumentAction.bind(null, documentId), emptyFormState);
  if (classes.length === 0) return <p className="text-slate-700">{T.noClasses}</p>;
  return (
    <form action={action} className="space-y-3">
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-800">{T.publishHeading}</legend>
        {classes.map((c) => (
          <label key={c.id} className="flex items-center gap-2">
            <input type="checkbox" name="classId" value={c.id} defaultChecked={publishedTo.includes(c.id)} />
            {c.name}
          </label>
        ))}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {T.publish}
      </Button>
      <p role="status" className={`text-sm ${state.ok ? "text-green-800" : "text-red-700"}`}>
        {state.message}
      </p>
    </form>
  );
}
