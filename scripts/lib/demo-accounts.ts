import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DATA_DIR } from "@/lib/database-url";
import { createAccount, findUserByEmail, updateAccount } from "@/lib/server/data/users";
import type { Role } from "@/lib/schemas/roles";

interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  password: string;
}

const FILE = path.join(DATA_DIR, "demo-accounts.json");

export function generatePassword(): string {
  return randomBytes(9).toString("base64url"); // 12 characters, 72 bits
}

function load(): DemoAccount[] {
  try {
    return JSON.parse(readFileSync(FILE, "utf8")) as DemoAccount[];
  } catch {
    const accounts: DemoAccount[] = [
      { email: "student@example.com", name: "Demo Student", role: "STUDENT", password: generatePassword() },
      { email: "instructor@example.com", name: "Demo Instructor", role: "INSTRUCTOR", password: generatePassword() },
    ];
    writeFileSync(FILE, JSON.stringify(accounts, null, 2), { mode: 0o600 });
    return accounts;
  }
}

/**
 * Embedded mode only: makes sure one demo student and one demo instructor exist, with the passwords
 * kept in .data/demo-accounts.json (so the same details are printed at every start).
 */
export async function ensureDemoAccounts(): Promise<DemoAccount[]> {
  const accounts = load();
  for (const account of accounts) {
    if (await findUserByEmail(account.email)) await updateAccount(account.email, { role: account.role, password: account.password });
    else await createAccount(account);
  }
  return accounts;
}
