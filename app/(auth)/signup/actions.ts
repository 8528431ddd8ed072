"use server";
import { headers } from "next/headers";
import { fieldErrors, signUpSchema, type FieldErrors, type SignUpInput } from "@/lib/schemas/account";
import { registerStudent } from "@/lib/server/data/users";
import { AppError } from "@/lib/server/errors";
import { clientAddress } from "@/lib/client-address";
import { checkSignUpAllowed } from "@/lib/server/auth/sign-up-throttle";
import { localizeMessage } from "@/i18n/localize-message";

export interface SignUpState {
  ok: boolean;
  errors: FieldErrors<SignUpInput>;
  /** A message about the whole form (too many sign-ups), shown next to it. */
  formError?: string;
  values: { name: string; email: string };
}

/**
 * Anyone may call this (signing up is the point), so it takes nothing on trust: the input is
 * validated here and the account is always a student.
 */
export async function signUpAction(_previous: SignUpState, formData: FormData): Promise<SignUpState> {
  if (!(formData instanceof FormData)) return { ok: false, errors: {}, values: { name: "", email: "" } }; // a direct call with other arguments
  const raw = { name: String(formData.get("name") ?? ""), email: String(formData.get("email") ?? ""), password: String(formData.get("password") ?? "") };
  const values = { name: raw.name, email: raw.email };
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) {
    const errors: FieldErrors<SignUpInput> = {};
    for (const [field, message] of Object.entries(fieldErrors(parsed.error)) as [keyof SignUpInput, string][]) errors[field] = await localizeMessage(message);
    return { ok: false, errors, values };
  }
  // Counted before the account is made (and its password hashed), per client address.
  const refused = await checkSignUpAllowed(clientAddress((await headers()).get("x-forwarded-for")));
  if (refused) return { ok: false, errors: {}, formError: await localizeMessage(refused), values };
  try {
    await registerStudent(parsed.data);
    return { ok: true, errors: {}, values };
  } catch (error) {
    if (error instanceof AppError && error.code === "CONFLICT") {
      return { ok: false, errors: { email: await localizeMessage(error.message) }, values };
    }
    throw error;
  }
}
