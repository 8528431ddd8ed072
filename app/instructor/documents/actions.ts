"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser, requireActionUser } from "@/lib/server/auth/session";
import { actionId, actionOrFailurePage, actionState, formText } from "@/lib/server/action-input";
import { deleteDocument, publishDocument, type UploadInput } from "@/lib/server/data/documents";
import { enqueueUpload } from "@/lib/server/data/upload-jobs";
import { prepareForUpload, startUploadWorker } from "@/lib/server/upload-worker";
import { canTeach } from "@/lib/schemas/roles";
import { kindOfFileName, MAX_UPLOAD_FILE_BYTES } from "@/lib/uploads/extract";
import { documentError, megabytes, UploadRefusal } from "@/lib/uploads/errors";
import { getTranslations } from "next-intl/server";

/** What a refused form sends back so the browser shows it again (a file input cannot be refilled: only its name). */
export interface UploadFormValues {
  text?: string;
  title?: string;
  language?: string;
  source?: string;
  fileName?: string;
  classIds?: string[];
}

export interface UploadFormState {
  ok: boolean;
  message: string;
  errors: Record<string, string>;
  values?: UploadFormValues;
}

const MAX_TITLE_LENGTH = 200;

/** The form's file or pasted text, and its title, language and source, read without trusting them. */
async function readUploadForm(formData: FormData): Promise<UploadInput> {
  const file = formData.get("file");
  // Up to the file limit: a longer paste is then refused by its size (textTooLarge) next to the field.
  const text = formText(formData, "text", MAX_UPLOAD_FILE_BYTES);
  const hasFile = file instanceof File && file.size > 0;
  if (hasFile && text.trim()) throw new UploadRefusal("notBoth");
  if (!hasFile && !text.trim()) throw new UploadRefusal("chooseFileOrText");
  const title = formText(formData, "title", 1000).trim();
  if (title.length > MAX_TITLE_LENGTH) throw documentError("INVALID", "titleTooLong", { max: MAX_TITLE_LENGTH }, "title");
  const language = formText(formData, "language", 10);
  if (language !== "" && language !== "en" && language !== "zh") throw documentError("INVALID", "chooseLanguage", {}, "language");
  const source = formText(formData, "source", 1000).trim().slice(0, 300);
  if (!hasFile) return { kind: "paste", fileName: "pasted.txt", bytes: new TextEncoder().encode(text), title, language, source };
  const kind = kindOfFileName(file.name);
  if (file.size > MAX_UPLOAD_FILE_BYTES) throw new UploadRefusal("fileTooLarge", { size: megabytes(file.size), limit: megabytes(MAX_UPLOAD_FILE_BYTES) });
  return { kind, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()), title, language, source };
}

/** The submitted text fields as they were (bounded), so a refusal loses none of them. */
function submittedValues(formData: FormData): UploadFormValues {
  const text = (name: string, max: number) => {
    const value = formData.get(name);
    return typeof value === "string" ? value.slice(0, max) : "";
  };
  const file = formData.get("file");
  return {
    text: text("text", MAX_UPLOAD_FILE_BYTES),
    title: text("title", 1000),
    language: text("language", 10),
    source: text("source", 1000),
    fileName: file instanceof File && file.size > 0 ? file.name.slice(0, 255) : "",
    classIds: formData.getAll("classId").filter((v): v is string => typeof v === "string" && v.length <= 200),
  };
}

/** Runs the work; a refusal comes back with its message next to its field and the form's values. */
function asFormState(formData: FormData, work: () => Promise<string>): Promise<UploadFormState> {
  return actionState<UploadFormState>(
    async () => ({ ok: true, message: await work(), errors: {} }),
    (message, field) => ({ ok: false, message: field ? "" : message, errors: field ? { [field]: message } : {}, values: formData instanceof FormData ? submittedValues(formData) : undefined }),
  );
}

/**
 * Upload or paste → the build's progress page, at once: the file is stored and its build queued
 * (decisions/0041); the page goes on to the preview when the build is done. `replaceId`:
 * regenerate that document from a new file.
 */
export async function uploadDocumentAction(replaceId: string | null, _previous: UploadFormState, formData: FormData): Promise<UploadFormState> {
  let jobId = "";
  const state = await asFormState(formData, async () => {
    const user = await requireActionUser();
    const input = await readUploadForm(formData);
    jobId = (await enqueueUpload(user, input, replaceId === null ? undefined : actionId(replaceId))).jobId;
    return "";
  });
  if (state.ok) {
    // Started by instrumentation.ts already; this makes it look for the new job now.
    startUploadWorker().kick();
    revalidatePath("/instructor/documents");
    redirect(`/instructor/documents/jobs/${jobId}`);
  }
  return state;
}

/**
 * The teacher chose a file of `bytes`: a large one's build process is started now, while the form
 * is filled in (decisions/0054). Anyone can POST here: it answers nothing and does nothing for a
 * visitor who may not upload or a size no upload can have.
 */
export async function prepareUploadAction(bytes: unknown): Promise<void> {
  const user = await getCurrentUser();
  if (!user || !canTeach(user.role)) return;
  if (typeof bytes !== "number" || !Number.isFinite(bytes) || bytes <= 0 || bytes > MAX_UPLOAD_FILE_BYTES) return;
  prepareForUpload(bytes);
}

export async function publishDocumentAction(documentId: string, _previous: UploadFormState, formData: FormData): Promise<UploadFormState> {
  return asFormState(formData, async () => {
    const user = await requireActionUser();
    const classIds = formData.getAll("classId").map(actionId);
    await publishDocument(user, actionId(documentId), classIds);
    revalidatePath(`/instructor/documents/${documentId}`);
    return (await getTranslations("documents.publish"))("published");
  });
}

export async function deleteDocumentAction(documentId: string): Promise<void> {
  await actionOrFailurePage(async () => deleteDocument(await requireActionUser(), actionId(documentId)));
  revalidatePath("/instructor/documents");
  redirect("/instructor/documents");
}
