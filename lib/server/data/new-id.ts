import "server-only";
import { randomBytes } from "node:crypto";

/**
 * An id for a row a plain SQL statement inserts, where Prisma's `@default(cuid())` does not run:
 * the same shape (a "c", then the time and randomness in base 36, 25 characters), so it sorts and
 * reads like the ids Prisma makes. 16 random base-36 characters: about 82 bits.
 */
export function newId(): string {
  const bytes = randomBytes(16);
  let random = "";
  for (const b of bytes) random += (b % 36).toString(36);
  return `c${Date.now().toString(36).padStart(8, "0")}${random}`;
}
