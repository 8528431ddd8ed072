export const ROLES = ["STUDENT", "INSTRUCTOR", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Instructors and admins run classes; the instructor pages admit both. */
export function canTeach(role: Role): boolean {
  return role === "INSTRUCTOR" || role === "ADMIN";
}
