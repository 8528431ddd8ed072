import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DATA_DIR, resolveDatabase } from "@/lib/database-url";

export const SECRET_FILE = path.join(DATA_DIR, "auth-secret");

export const MISSING_SECRET_MESSAGE =
  "NEXTAUTH_SECRET is not set. With a PostgreSQL database in production the session-signing secret must come " +
  "from the environment: generate one with `openssl rand -base64 32` and start with NEXTAUTH_SECRET=… .";

/**
 * The key that signs session cookies. From NEXTAUTH_SECRET when set. In the embedded default it is
 * generated once and kept in .data/auth-secret, so sessions survive restarts with no configuration.
 * A production server on PostgreSQL must be given one: start-up stops with a clear message.
 */
export function resolveAuthSecret(env: NodeJS.ProcessEnv = process.env): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  const target = resolveDatabase(env.DATABASE_URL);
  if (!target.embedded && env.NODE_ENV === "production") throw new Error(MISSING_SECRET_MESSAGE);
  try {
    return readFileSync(SECRET_FILE, "utf8").trim();
  } catch {
    mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    try {
      writeFileSync(SECRET_FILE, secret, { flag: "wx", mode: 0o600 }); // never overwrite one made meanwhile
      return secret;
    } catch {
      return readFileSync(SECRET_FILE, "utf8").trim();
    }
  }
}
