import "server-only";
import { db } from "@/lib/server/db";
import { AppError, isUniqueViolation } from "@/lib/server/errors";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "@/lib/server/auth/password";
import { emailSchema, passwordSchema, type SignUpInput } from "@/lib/schemas/account";
import { isRole, type Role } from "@/lib/schemas/roles";
import type { Locale } from "@/i18n/config";
import { validTimeZone } from "@/lib/time-zone";
import { Prisma } from "@/lib/generated/prisma/sqlite/client";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** The interface language the user chose, or null to follow the browser (decisions/0025). */
  locale?: string | null;
}

const sessionFields = { id: true, email: true, name: true, role: true, locale: true } as const;

function toSessionUser(row: { id: string; email: string; name: string; role: string; locale: string | null }): SessionUser {
  if (!isRole(row.role)) throw new Error(`User ${row.id} has an unknown role "${row.role}".`);
  return { ...row, role: row.role };
}

/** Self-service sign-up: always a student. Throws AppError CONFLICT on a taken email. */
export async function registerStudent(input: SignUpInput): Promise<SessionUser> {
  return createAccount({ ...input, role: "STUDENT" });
}

/**
 * Creates an account with any role. Only for trusted callers (the user:create command, demo
 * accounts, an admin page): it does not check who is asking.
 */
export async function createAccount(input: SignUpInput & { role: Role }): Promise<SessionUser> {
  const email = emailSchema.parse(input.email);
  passwordSchema.parse(input.password);
  const passwordHash = await hashPassword(input.password);
  try {
    const row = await db().user.create({
      data: { email, name: input.name, role: input.role, passwordHash },
      select: sessionFields,
    });
    return toSessionUser(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "An account with this email already exists.", "email");
    throw error;
  }
}

/** Checks an email and password; returns the user or null. Takes the same time whether or not the account exists. */
export async function verifyCredentials(email: string, password: string): Promise<SessionUser | null> {
  const row = await db().user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { ...sessionFields, passwordHash: true } });
  if (!row) return verifyAgainstDummy(password).then(() => null);
  if (!(await verifyPassword(row.passwordHash, password))) return null;
  const { passwordHash: _omit, ...user } = row;
  return toSessionUser(user);
}

/** Trusted callers only (command line): changes a role, and the password when one is given. */
export async function updateAccount(email: string, change: { role?: Role; password?: string }): Promise<SessionUser> {
  const data: { role?: Role; passwordHash?: string } = {};
  if (change.role) data.role = change.role;
  if (change.password) data.passwordHash = await hashPassword(passwordSchema.parse(change.password));
  // A new password ends every session signed in with the old one.
  const sessionVersion = change.password ? { increment: 1 } : undefined;
  try {
    const row = await db().user.update({ where: { email: emailSchema.parse(email) }, data: { ...data, sessionVersion }, select: sessionFields });
    return toSessionUser(row);
  } catch (error) {
    if ((error as { code?: string }).code === "P2025") throw new AppError("NOT_FOUND", `No account with the email ${email}.`);
    throw error;
  }
}

export async function findUserByEmail(email: string): Promise<SessionUser | null> {
  const row = await db().user.findUnique({ where: { email: emailSchema.parse(email) }, select: sessionFields });
  return row ? toSessionUser(row) : null;
}

/** Used by the session callback so a deleted or demoted account loses access at once. */
export async function findUserById(id: string): Promise<SessionUser | null> {
  const row = await db().user.findUnique({ where: { id }, select: sessionFields });
  return row ? toSessionUser(row) : null;
}

/**
 * The user a session token names, if that token is still current: the token carries the
 * sessionVersion its sign-in saw, and sign-out or a password change has since bumped it. The same
 * one-row read as before, so checking costs no extra query.
 */
export async function findSessionUser(id: string, sessionVersion: number): Promise<SessionUser | null> {
  // Every signed-in request runs this: one plain SQL statement, which skips the Prisma query
  // compiler's per-call planning (decisions/0027).
  const [row] = await db().$queryRaw<SessionUserColumns[]>`SELECT ${sessionUserColumns("u")} FROM "User" u WHERE u."id" = ${id}`;
  return sessionUserOf(row, sessionVersion);
}

/** What sessionUserColumns reads (all null when a LEFT JOIN found no user). */
export type SessionUserColumns = { sessionUserId: string | null; sessionEmail: string; sessionName: string; sessionRole: string; sessionLocale: string | null; sessionVersion: number | bigint };

/**
 * The columns findSessionUser reads, on the User row aliased `alias`, for a hot path's statement
 * that checks the session with its other reads (decisions/0050); sessionUserOf then decides.
 */
export function sessionUserColumns(alias: string): Prisma.Sql {
  return Prisma.raw(
    `${alias}."id" AS "sessionUserId", ${alias}."email" AS "sessionEmail", ${alias}."name" AS "sessionName", ${alias}."role" AS "sessionRole", ${alias}."locale" AS "sessionLocale", ${alias}."sessionVersion" AS "sessionVersion"`,
  );
}

/** The session's user from sessionUserColumns, or null when the row is missing or the session was ended (its version bumped). */
export function sessionUserOf(row: SessionUserColumns | undefined, sessionVersion: number): SessionUser | null {
  if (!row?.sessionUserId || Number(row.sessionVersion) !== sessionVersion) return null;
  return toSessionUser({ id: row.sessionUserId, email: row.sessionEmail, name: row.sessionName, role: row.sessionRole, locale: row.sessionLocale });
}

/** Saves the interface language a user picked in the header's switcher. */
export async function setUserLocale(id: string, locale: Locale): Promise<void> {
  await db().user.update({ where: { id }, data: { locale } });
}

export const TIME_ZONE_MESSAGE = "Enter a time zone such as Asia/Shanghai or Europe/London.";

/** The learner's time zone (decisions/0040): null until the browser or the settings page sets one. */
export async function getUserTimeZone(id: string): Promise<string | null> {
  const row = await db().user.findUnique({ where: { id }, select: { timeZone: true } });
  return validTimeZone(row?.timeZone);
}

/**
 * Sets the learner's time zone; refuses a name the runtime does not know. `onlyIfUnset`: the
 * browser's report on a first visit never overrides a zone already chosen.
 */
export async function setUserTimeZone(id: string, timeZone: string, options: { onlyIfUnset?: boolean } = {}): Promise<string> {
  const zone = validTimeZone(timeZone);
  if (!zone) throw new AppError("INVALID", TIME_ZONE_MESSAGE);
  await db().user.updateMany({ where: { id, ...(options.onlyIfUnset ? { timeZone: null } : {}) }, data: { timeZone: zone } });
  return zone;
}

/** The version a new session token carries (read once, at sign-in). */
export async function currentSessionVersion(id: string): Promise<number> {
  const row = await db().user.findUnique({ where: { id }, select: { sessionVersion: true } });
  return row?.sessionVersion ?? 0;
}

/** Ends every session of this user, on every device: their tokens no longer match. */
export async function endSessions(id: string): Promise<void> {
  await db().user.updateMany({ where: { id }, data: { sessionVersion: { increment: 1 } } });
}
