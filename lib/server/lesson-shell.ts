import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { headers } from "next/headers";
import { authSecret } from "@/lib/server/env";

// The render of a lesson page made for the shared page cache (lib/server/lesson-document.ts,
// docs/decisions/0042): for nobody, so the per-reader parts are left to the browser.

/** Marks the render made for the cache: only this server (it knows the auth secret) can make one. */
export function lessonShellToken(): string | null {
  const secret = authSecret();
  // Without a secret nobody can sign in, so a page for nobody is every page anyway.
  return secret ? createHmac("sha256", secret).update("lesson-shell-v1").digest("base64url") : null;
}

/** True while rendering the cached, per-reader-free page (see above). */
export async function isLessonShellRender(): Promise<boolean> {
  const value = (await headers()).get(SHELL_HEADER);
  const token = lessonShellToken();
  return token !== null && value !== null && value.length === token.length && timingSafeEqual(Buffer.from(value), Buffer.from(token));
}

export const SHELL_HEADER = "x-lesson-shell";
/** On the self-request for a page rendered per request (lib/document-route.ts leaves such a request alone). */
export const PASS_HEADER = "x-lesson-render";

