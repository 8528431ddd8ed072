"use client";
import { useActionState, useState } from "react";
import { uploadDocumentAction, type UploadFormState } from "@/app/instructor/documents/actions";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { emptyFormState } from "@/components/ui/form-state";
import { UPLOAD_TEXT as T } from "@/lib/uploads/messages";

const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Upload a file or paste text (or, with `replaceId`, replace a document's file). Errors sit next to their field. */
export function UploadForm({ replaceId = null }: { replaceId?: string | null }) {
  const [state, action, pending] = useActionState<UploadFormState, FormData>(uploadDocumentAction.bind(null, replaceId), emptyFormState);
  const [tooLarge, setTooLarge] = useState("");
  // One form per page (the list page adds, the preview page replaces), so field ids do not clash.
  const errors: Record<string, string> = tooLarge ? { ...state.errors, file: tooLarge } : state.errors;
  return (
    <form action={action} noValidate className="space-y-3" aria-busy={pending}>
      <div className="space-y-1">
        <label htmlFor="file" className="block text-sm font-medium text-slate-800">
          {T.fileLabel}
        </label>
        <input
          id="file"
          name="file"
          type="file"
          accept=".txt,.md,.docx,.pdf"
          aria-invalid={errors.file ? true : undefined}
          aria-describedby="file-error"
          // The server refuses a file over the limit too; saying so here saves sending it.
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            setTooLarge(f && f.size > MAX_FILE_BYTES ? T.fileTooLarge(`${(f.size / 1048576).toFixed(1)} MB`, `${MAX_FILE_BYTES / 1048576} MB`) : "");
          }}
          className="block w-full text-sm"
        />
        <p id="file-error" aria-live="polite" className="min-h-5 text-sm text-red-700">
          {errors.file}
        </p>
      </div>
      {!replaceId && (
        <div className="space-y-1">
          <label htmlFor="text" className="block text-sm font-medium text-slate-800">
            {T.textLabel}
          </label>
          <textarea id="text" name="text" rows={6} aria-invalid={errors.text ? true : undefined} aria-describedby="text-error" className="block w-full rounded border border-slate-400 bg-white px-3 py-2 text-base" />
          <p id="text-error" aria-live="polite" className="min-h-5 text-sm text-red-700">
            {errors.text}
          </p>
        </div>
      )}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field name="title" label={T.titleLabel} hint={T.titleHint} maxLength={200} error={errors.title} />
        <div className="space-y-1">
          <label htmlFor="language" className="block text-sm font-medium text-slate-800">
            {T.languageLabel}
          </label>
          <select id="language" name="language" defaultValue="" aria-describedby="language-hint" className="block w-full rounded border border-slate-400 bg-white px-3 py-2 text-base">
            <option value="">{T.languageAuto}</option>
            <option value="en">English</option>
            <option value="zh">中文 (Chinese)</option>
          </select>
          <p id="language-hint" className="text-sm text-slate-600">
            {T.languageHint}
          </p>
        </div>
        <Field name="source" label={T.sourceLabel} hint={T.sourceHint} maxLength={300} error={errors.source} />
      </div>
      <Button type="submit" disabled={pending || !!tooLarge}>
        {replaceId ? T.replace : T.build}
      </Button>
      <div role="status" className="text-sm">
        {pending ? (
          <span className="flex items-center gap-2">
            <progress aria-label={T.building} className="h-2 w-40" />
            {T.building}
          </span>
        ) : (
          <span className="text-red-700">{state.ok ? "" : state.message}</span>
        )}
      </div>
    </form>
  );
}
