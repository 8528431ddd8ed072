import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 10;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address, like name@example.com." }));

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: `Use at least ${PASSWORD_MIN_LENGTH} characters.` })
  .max(200, { message: "Use at most 200 characters." });

export const signUpSchema = z.object({
  name: z.string().trim().min(1, { message: "Enter your name." }).max(100, { message: "Use at most 100 characters." }),
  email: emailSchema,
  password: passwordSchema,
});

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, { message: "Enter your password." }).max(200),
});

export type SignUpInput = z.infer<typeof signUpSchema>;

/** Field errors keyed by field name, ready to show next to each input. */
export type FieldErrors<T> = Partial<Record<keyof T, string>>;

export function fieldErrors<T>(error: z.ZodError<T>): FieldErrors<T> {
  const out: FieldErrors<T> = {};
  for (const issue of error.issues) {
    const key = issue.path[0] as keyof T;
    out[key] ??= issue.message;
  }
  return out;
}
