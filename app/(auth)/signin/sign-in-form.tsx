"use client";
import Link from "next/link";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { fieldErrors, signInSchema, type FieldErrors } from "@/lib/schemas/account";

type Errors = FieldErrors<{ email: string; password: string }>;

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget));
    const parsed = signInSchema.safeParse(data);
    setFormError(undefined);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    setPending(true);
    const result = await signIn("credentials", { ...parsed.data, redirect: false });
    if (!result || result.error) {
      setPending(false);
      setFormError(result?.error && result.error !== "CredentialsSignin" ? result.error : "Sign-in failed. Try again.");
      return;
    }
    // A full navigation so the server-rendered header picks up the new session.
    window.location.assign(callbackUrl);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-describedby="signin-error">
      <Field name="email" label="Email" type="email" autoComplete="email" required error={errors.email} />
      <Field name="password" label="Password" type="password" autoComplete="current-password" required error={errors.password} />
      <p id="signin-error" role="alert" className="min-h-5 text-sm text-red-700">
        {formError}
      </p>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      <p className="text-sm text-slate-700">
        New here?{" "}
        <Link href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="text-brand-700 underline">
          Create a student account
        </Link>
      </p>
    </form>
  );
}
