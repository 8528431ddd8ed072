import "server-only";
import { resolveAuthSecret } from "@/lib/secret";

/** Next.js imports route modules while building; no secret is needed (or wanted) then. */
const building = process.env.NEXT_PHASE === "phase-production-build";

export function authSecret(): string | undefined {
  return building ? undefined : resolveAuthSecret();
}
