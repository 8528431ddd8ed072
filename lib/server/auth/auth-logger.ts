import type { LoggerInstance } from "next-auth";
import type { Logger } from "@/lib/logger";

/**
 * The one error next-auth logs that is a known, expected failure: a session cookie that no longer
 * opens a session (ended by sign-out everywhere or a password change, or a cookie the current
 * secret cannot decrypt). It is answered as "signed out", so it is a one-line warning, not an
 * error with a stack trace. Everything else next-auth reports stays an error with its stack.
 */
const KNOWN = new Set(["JWT_SESSION_ERROR"]);

function messageOf(metadata: unknown): string | undefined {
  if (metadata instanceof Error) return metadata.message;
  const m = metadata as { message?: unknown; error?: { message?: unknown } } | null | undefined;
  const text = m?.message ?? m?.error?.message;
  return typeof text === "string" ? text : undefined;
}

/** next-auth's `logger` option, writing through the server's JSON logger. */
export function authLogger(log: Logger): Partial<LoggerInstance> {
  return {
    error(code, metadata) {
      if (KNOWN.has(code)) log.warn({ code, reason: messageOf(metadata) }, "next-auth: session not accepted");
      else log.error({ code, err: metadata instanceof Error ? metadata : (metadata as { error?: unknown })?.error ?? metadata }, "next-auth error");
    },
    warn(code) {
      log.warn({ code }, "next-auth warning");
    },
    debug() {},
  };
}
