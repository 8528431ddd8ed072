/** The one error type of the data layer, mapped to form errors, 403/404 pages or HTTP codes at the edges. */
export type AppErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "INVALID" | "RATE_LIMITED";

/**
 * A message kept in the message files: its full key ("documents.errors.noText") and values. An
 * error that carries one is shown in the reader's language by the action that reports it (its
 * `message` stays the English text, for logs and tests).
 */
export interface MessageRef {
  key: string;
  values?: Record<string, string | number>;
}

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly field?: string,
    readonly translation?: MessageRef,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID: 422,
  RATE_LIMITED: 429,
};

/** Prisma's "unique constraint failed": the database decided a race (a repeat submit, a taken email). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}
