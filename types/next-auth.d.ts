import type { Role } from "@/lib/schemas/roles";

declare module "next-auth" {
  interface User {
    id: string;
    role: Role;
  }
  interface Session {
    user: { id: string; role: Role; name?: string | null; email?: string | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    id: string;
    role: Role;
    /** User.sessionVersion at sign-in; missing in tokens issued before it existed (read as 0). */
    sessionVersion?: number;
  }
}
