// npm run user:create -- --email ada@example.com [--role student|instructor|admin] [--name "Ada L"] [--password …]
// Creates the account, or promotes an existing one to the role. Without --password a new account
// gets a generated password (printed once); an existing account keeps its password.
import { parseArgs } from "node:util";
import { ROLES, isRole } from "@/lib/schemas/roles";
import { emailSchema, passwordSchema } from "@/lib/schemas/account";
import { describeDatabase, resolveDatabase } from "@/lib/database-url";
import { createAccount, findUserByEmail, updateAccount } from "@/lib/server/data/users";
import { generatePassword } from "./lib/demo-accounts";

function usage(message: string): never {
  console.error(`✗ ${message}\nusage: npm run user:create -- --email EMAIL [--role ${ROLES.map((r) => r.toLowerCase()).join("|")}] [--name NAME] [--password PASSWORD]`);
  process.exit(2);
}

const { values } = parseArgs({
  options: { email: { type: "string" }, role: { type: "string", default: "student" }, name: { type: "string" }, password: { type: "string" } },
});
const email = emailSchema.safeParse(values.email ?? "");
if (!email.success) usage(values.email ? `"${values.email}" is not a valid email address.` : "--email is required.");
const role = (values.role ?? "student").toUpperCase();
if (!isRole(role)) usage(`--role must be one of ${ROLES.join(", ").toLowerCase()}.`);
if (values.password && !passwordSchema.safeParse(values.password).success) usage("--password is too short (at least 10 characters).");

const existing = await findUserByEmail(email.data);
if (existing) {
  const user = await updateAccount(email.data, { role, password: values.password });
  console.log(`Updated ${user.email} in the ${describeDatabase(resolveDatabase())}: role ${user.role}${values.password ? ", password changed" : ", password unchanged"}.`);
} else {
  const password = values.password ?? generatePassword();
  const user = await createAccount({ email: email.data, name: values.name ?? email.data.split("@")[0], role, password });
  console.log(`Created ${user.email} (${user.role}) in the ${describeDatabase(resolveDatabase())}.`);
  if (!values.password) console.log(`Password (shown once): ${password}`);
}
