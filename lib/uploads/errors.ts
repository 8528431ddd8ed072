// The refusals of the document upload pages, named by their key in messages/<locale>/documents.json
// (errors.*): the message is the English text, and the action that reports it words it in the
// reader's language from the key (AppError.translation; decisions/0038).
// use-intl's core (next-intl's own translator, without React): the upload build's child process
// (scripts/upload-job.ts) runs under the react-server condition, where next-intl's entry pulls in
// React hooks that do not exist there.
import { createTranslator } from "use-intl/core";
import { AppError, type AppErrorCode } from "@/lib/server/errors";
import documents from "@/messages/en/documents.json";

export type DocumentErrorKey = keyof typeof documents.errors;
type Values = Record<string, string | number>;

const english = createTranslator({ locale: "en", messages: { documents }, namespace: "documents.errors" });

/** An AppError of the documents pages, its message the English text of `documents.errors.<key>`. */
export function documentError(code: AppErrorCode, key: DocumentErrorKey, values: Values = {}, field?: string): AppError {
  return new AppError(code, english(key, values as never), field, { key: `documents.errors.${key}`, values });
}

/** A file or text the upload refuses: INVALID, with the form field the message belongs next to. */
export class UploadRefusal extends AppError {
  constructor(key: DocumentErrorKey, values: Values = {}, field: "file" | "text" = "file") {
    super("INVALID", english(key, values as never), field, { key: `documents.errors.${key}`, values });
  }
}

/** Bytes as the megabytes the messages show (1 MB = 1,048,576 bytes). */
export const megabytes = (bytes: number) => bytes / 1048576;
