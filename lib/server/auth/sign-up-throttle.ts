import "server-only";
import { hitCounter } from "@/lib/server/data/throttle-counters";

const MINUTE = 60_000;

/**
 * Sign-up policy (docs/decisions/0014): at most 10 new accounts a minute and 60 an hour from one
 * client address, counted in the same shared counters as sign-in. Enough for a classroom behind
 * one address signing up together; too few to mass-produce accounts. SIGN_UP_LIMIT_PER_MINUTE and
 * SIGN_UP_LIMIT_PER_HOUR raise them for a deployment that needs more; the e2e suite, which signs
 * up many students from one address, sets them.
 */
export function signUpLimits(env: NodeJS.ProcessEnv = process.env) {
  return [
    { name: "minute", limit: positive(env.SIGN_UP_LIMIT_PER_MINUTE) ?? 10, windowMs: MINUTE },
    { name: "hour", limit: positive(env.SIGN_UP_LIMIT_PER_HOUR) ?? 60, windowMs: 60 * MINUTE },
  ];
}

function positive(value: string | undefined): number | undefined {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : undefined;
}

/** Counts one sign-up from `address`; a message to show when it is one too many, else null. */
export async function checkSignUpAllowed(address: string, now = Date.now()): Promise<string | null> {
  for (const rule of signUpLimits()) {
    const hit = await hitCounter(`signup:${rule.name}:${address}`, rule.windowMs, now);
    if (hit.points > rule.limit) {
      const minutes = Math.max(1, Math.ceil((hit.expiresAt - now) / MINUTE));
      return `Too many new accounts from your network. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
    }
  }
  return null;
}
