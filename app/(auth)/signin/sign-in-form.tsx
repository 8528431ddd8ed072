"use client";
import Link from "next/link";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { fieldErrors, signInSchema, type FieldErrors } from "@/lib/schemas/account";

type Errors = FieldErrors<{ email: string; password: string }>;

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string>();
  const [pending, setPending] = useState(false);
  const t = useTranslations("auth");
  const tErrors = useTranslations("errors");

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget));
    const parsed = signInSchema.safeParse(data);
    setFormError(undefined);
    if (!parsed.success) {
      // The schema's messages are English; in the browser each field's failure is worded here.
      const failed = fieldErrors(parsed.error);
      return setErrors({ email: failed.email && tErrors("emailInvalid"), password: failed.password && tErrors("passwordRequired") });
    }
    setErrors({});
    setPending(true);
    const result = await signIn("credentials", { ...parsed.data, redirect: false });
    if (!result || result.error) {
      setPending(false);
      // The server words its refusals in the reader's language (lib/server/auth/options.ts).
      setFormError(result?.error && result.error !== "CredentialsSignin" ? result.error : tErrors("signInFailed"));
      return;
    }
    // A full navigation so the server-rendered header picks up the new session.
    window.location.assign(callbackUrl);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-describedby="signin-error">
      <Field name="email" label={t("fields.email")} type="email" autoComplete="email" required error={errors.email} />
      <Field name="password" label={t("fields.password")} type="password" autoComplete="current-password" required error={errors.password} />
      <p id="signin-error" role="alert" className="min-h-5 text-sm text-red-700">
        {formError}
      </p>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("signIn.pending") : t("signIn.submit")}
      </Button>
      <p className="text-sm text-slate-700">
        {t("signIn.newHere")}{" "}
        <Link href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="text-brand-700 underline">
          {t("signIn.createAccount")}
        </Link>
      </p>
    </form>
  );
}
