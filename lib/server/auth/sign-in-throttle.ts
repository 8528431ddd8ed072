import "server-only";
import { db } from "@/lib/server/db";
import { deleteCounter, hitCounter, refundCounter } from "@/lib/server/data/throttle-counters";

const MINUTE = 60_000;

/**
 * Sign-in policy (docs/decisions/0013, after OWASP's authentication cheat sheet: throttle per
 * account and per source, never a hard lock an attacker can trigger for someone else):
 * - 5 attempts per 15 minutes for one account from one address: guessing one password is slow;
 * - 50 per 15 minutes from one address, whatever the accounts: spraying is slow;
 * - 100 per hour for one account from all addresses together, except from addresses the account
 *   has signed in from before: a botnet is slowed, but cannot lock the user out of their usual place.
 * Every attempt is counted before its password is checked, so parallel attempts cannot slip past
 * a check they all passed together. A success forgives that account and address, and gives back
 * its own hit on the wider counters, so a classroom behind one address can all sign in.
 */
export const SIGN_IN_LIMITS = {
  accountAddress: { limit: 5, windowMs: 15 * MINUTE },
  address: { limit: 50, windowMs: 15 * MINUTE },
  account: { limit: 100, windowMs: 60 * MINUTE },
} as const;

type Rule = keyof typeof SIGN_IN_LIMITS;

export type SignInGate = { allowed: true; counted: string[] } | { allowed: false; retryAfterMs: number };

function keyFor(rule: Rule, email: string, address: string): string {
  if (rule === "accountAddress") return `signin:account-address:${email}|${address}`;
  if (rule === "address") return `signin:address:${address}`;
  return `signin:account:${email}`;
}

async function isKnownAddress(email: string, address: string): Promise<boolean> {
  const row = await db().knownSignInAddress.findFirst({ where: { address, user: { email } }, select: { userId: true } });
  return row !== null;
}

/**
 * Counts this attempt and says whether its password may be checked. The narrowest counter comes
 * first and a refusal stops there, so refused attempts do not also use up the wider budgets.
 */
export async function beginSignIn(email: string, address: string, now = Date.now()): Promise<SignInGate> {
  const rules: Rule[] = ["accountAddress", "address"];
  if (!(await isKnownAddress(email, address))) rules.push("account");
  const counted: string[] = [];
  for (const rule of rules) {
    const key = keyFor(rule, email, address);
    const hit = await hitCounter(key, SIGN_IN_LIMITS[rule].windowMs, now);
    counted.push(key);
    if (hit.points > SIGN_IN_LIMITS[rule].limit) return { allowed: false, retryAfterMs: Math.max(1000, hit.expiresAt - now) };
  }
  return { allowed: true, counted };
}

/** After the right password: forgive this account at this address, and remember the address. */
export async function signInSucceeded(userId: string, email: string, address: string, counted: string[]): Promise<void> {
  const own = keyFor("accountAddress", email, address);
  await deleteCounter(own);
  for (const key of counted) if (key !== own) await refundCounter(key);
  if (address === "unknown") return;
  await db().knownSignInAddress.upsert({
    where: { userId_address: { userId, address } },
    create: { userId, address },
    update: { lastSeenAt: new Date() },
  });
}

export function tooManyAttemptsMessage(retryAfterMs: number): string {
  const minutes = Math.ceil(retryAfterMs / MINUTE);
  return `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
