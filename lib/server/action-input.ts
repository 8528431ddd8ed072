import "server-only";
import { headers } from "next/headers";
import { forbidden, notFound, redirect } from "next/navigation";
import { z } from "zod";
import { AppError, type MessageRef } from "@/lib/server/errors";
import { localizeMessage } from "@/i18n/localize-message";

// Server actions are public POST endpoints: anyone can call one with any arguments, signed out or
// with someone else's ids. These helpers read their input without trusting it, and turn the known
// failures into a message or a 4xx instead of a 500 (issue 11, finding 8; decisions/0020).

const MAX_FIELD_LENGTH = 10_000;

const invalid = (message = "That form could not be read.", field?: string) => new AppError("INVALID", message, field);

/** A text field of a submitted form ("" when absent). Not a form, a file or an oversized value: INVALID. */
export function formText(formData: unknown, name: string, max = MAX_FIELD_LENGTH): string {
  if (!(formData instanceof FormData)) throw invalid();
  const value = formData.get(name);
  if (value === null) return "";
  if (typeof value !== "string" || value.length > max) throw invalid(undefined, name);
  return value;
}

/** The form's fields whose names start with `prefix`, by the rest of the name (e.g. "option:a" → "a"). */
export function formTextsByPrefix(formData: unknown, prefix: string, max = MAX_FIELD_LENGTH): Record<string, string> {
  if (!(formData instanceof FormData)) throw invalid();
  const texts: Record<string, string> = {};
  for (const key of new Set(formData.keys())) if (key.startsWith(prefix)) texts[key.slice(prefix.length)] = formText(formData, key, max);
  return texts;
}

/** An id an action takes as an argument (a class, a question, an attempt): a short string without controls. */
export function actionId(value: unknown): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 200 || /[\u0000-\u001f\u007f]/.test(value)) throw new AppError("NOT_FOUND", "This item does not exist.");
  return value;
}

/** Parses a value with a schema; a mismatch is INVALID with the first issue's message and field. */
export function parseField<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw invalid(issue?.message, issue?.path.length ? String(issue.path[0]) : undefined);
}

/** The failures an action expects: ours (AppError) and a schema's (z.ZodError). Anything else is a bug. */
function knownFailure(error: unknown): { code: AppError["code"]; message: string; field?: string; translation?: MessageRef } | null {
  if (error instanceof AppError) return { code: error.code, message: error.message, field: error.field, translation: error.translation };
  if (error instanceof z.ZodError) {
    const issue = error.issues[0];
    return { code: "INVALID", message: issue?.message ?? "That form could not be read.", field: issue?.path.length ? String(issue.path[0]) : undefined };
  }
  return null;
}

/**
 * For actions whose form shows a result (useActionState): a known failure becomes the state that
 * `failed` builds from its message (in the reader's language) and the field it concerns, so the form
 * says what went wrong.
 * Next's redirect() and notFound() pass through.
 */
export async function actionState<T>(work: () => Promise<T>, failed: (message: string, field?: string) => T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const failure = knownFailure(error);
    if (!failure) throw error;
    return failed(await localizeMessage(failure.message, failure.translation), failure.field);
  }
}

/**
 * For actions that navigate (plain forms, buttons): signed out → the sign-in page and back; not
 * yours → 403; not found or bad input → 404. A conflict or rate limit is the action's to handle.
 */
export async function actionOrFailurePage<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const failure = knownFailure(error);
    if (!failure) throw error;
    switch (failure.code) {
      case "UNAUTHENTICATED":
        redirect(`/signin?callbackUrl=${encodeURIComponent((await headers()).get("x-pathname") ?? "/")}`);
      case "FORBIDDEN":
        forbidden();
      case "NOT_FOUND":
      case "INVALID":
        notFound();
      default:
        throw error;
    }
  }
}
