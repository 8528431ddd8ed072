// Creates the demo student and instructor (embedded mode) and prints how to sign in as them.
import { ensureDemoAccounts } from "./lib/demo-accounts";

const accounts = await ensureDemoAccounts();
for (const a of accounts) {
  console.log(`  ${a.role.toLowerCase().padEnd(10)}  email: ${a.email.padEnd(24)}  password: ${a.password}`);
}
console.log("  (kept in .data/demo-accounts.json; create more with `npm run user:create -- --email … --role …`)");
