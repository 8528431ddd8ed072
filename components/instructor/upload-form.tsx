"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { prepareUploadAction, uploadDocumentAction, type UploadFormState } from "@/app/instructor/documents/actions";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { emptyFormState } from "@/components/ui/form-state";

const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Upload a file or paste text (or, with `replaceId`, replace a document's file). Errors sit next to their field. */
export function UploadForm({ replaceId = null }: { replaceId?: string | null }) {
  const [state, action, pending] = useActionState<UploadFormState, FormData>(uploadDocumentAction.bind(null, replaceId), emptyFormState);
  const [tooLarge, setTooLarge] = useState("");
  const t = useTranslations("documents");
  // One form per page (the list page adds, the preview page replaces), so field ids do not clash.
  const errors: Record<string, string> = tooLarge ? { ...state.errors, file: tooLarge } : state.errors;
  // A refusal sends the fields back (state.values): they are shown again, as the defaults the form
  // resets to after its action. A browser cannot refill a file input, so it says to choose the file again.
  const values = state.values ?? {};
  // Until a file is chosen again after this refusal.
  const [pickedAfter, setPickedAfter] = useState<UploadFormState | null>(null);
  const chooseAgain = !tooLarge && values.fileName && pickedAfter !== state ? t("form.chooseFileAgain", { name: values.fileName }) : "";
  return (
    <form action={action} noValidate className="space-y-3" aria-busy={pending}>
      <div className="space-y-1">
        <label htmlFor="file" className="block text-sm font-medium text-slate-800">
          {t("form.file")}
        </label>
        <input
          id="file"
          name="file"
          type="file"
          accept=".txt,.md,.docx,.pdf"
          aria-invalid={errors.file ? true : undefined}
          aria-describedby={chooseAgain ? "file-error file-again" : "file-error"}
          // The server refuses a file over the limit too; saying so here saves sending it.
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            setPickedAfter(state);
            setTooLarge(f && f.size > MAX_FILE_BYTES ? t("errors.fileTooLarge", { size: f.size / 1048576, limit: MAX_FILE_BYTES / 1048576 }) : "");
            // A large file's build process starts while the rest of the form is filled in (decisions/0054).
            if (f && f.size <= MAX_FILE_BYTES) void prepareUploadAction(f.size).catch(() => undefined);
          }}
          className="block w-full text-sm"
        />
        <p id="file-error" aria-live="polite" className="min-h-5 text-sm text-red-700">
          {errors.file}
        </p>
        {chooseAgain && (
          <p id="file-again" className="text-sm text-slate-700">
            {chooseAgain}
          </p>
        )}
      </div>
      {!replaceId && (
        <div className="space-y-1">
          <label htmlFor="text" className="block text-sm font-medium text-slate-800">
            {t("form.text")}
          </label>
          <textarea id="text" name="text" rows={6} aria-invalid={errors.text ? true : undefined} aria-describedby="text-error" defaultValue={values.text} className="block w-full rounded border border-slate-400 bg-white px-3 py-2 text-base" />
          <p id="text-error" aria-live="polite" className="min-h-5 text-sm text-red-700">
            {errors.text}
          </p>
        </div>
      )}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field name="title" label={t("form.title")} hint={t("form.titleHint")} maxLength={200} error={errors.title} defaultValue={values.title} />
        <div className="space-y-1">
          <label htmlFor="language" className="block text-sm font-medium text-slate-800">
            {t("form.language")}
          </label>
          {/* Keyed by the value sent back: React applies a select's defaultValue only when it mounts. */}
          <select
            key={values.language ?? ""}
            id="language"
            name="language"
            defaultValue={values.language ?? ""}
            aria-invalid={errors.language ? true : undefined}
            aria-describedby={errors.language ? "language-hint language-error" : "language-hint"}
            className="block w-full rounded border border-slate-400 bg-white px-3 py-2 text-base">
            <option value="">{t("form.languageAuto")}</option>
            <option value="en">{t("languages.en")}</option>
            <option value="zh">{t("languages.zh")}</option>
          </select>
          <p id="language-hint" className="text-sm text-slate-600">
            {t("form.languageHint")}
          </p>
          <p id="language-error" aria-live="polite" className="min-h-5 text-sm text-red-700">
            {errors.language}
          </p>
        </div>
        <Field name="source" label={t("form.source")} hint={t("form.sourceHint")} maxLength={300} error={errors.source} defaultValue={values.source} />
      </div>
      <Button type="submit" disabled={pending || !!tooLarge}>
        {replaceId ? t("form.replace") : t("form.build")}
      </Button>
      <div role="status" className="text-sm">
        {pending ? (
          <span className="flex items-center gap-2">
            <progress aria-label={t("form.building")} className="h-2 w-40" />
            {t("form.building")}
          </span>
        ) : (
          <span className="text-red-700">{state.ok ? "" : state.message}</span>
        )}
      </div>
    </form>
  );
}
