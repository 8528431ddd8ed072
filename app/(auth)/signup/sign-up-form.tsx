"use client";
import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { PASSWORD_MIN_LENGTH } from "@/lib/schemas/account";
import { signUpAction, type SignUpState } from "./actions";

const initial: SignUpState = { ok: false, errors: {}, values: { name: "", email: "" } };

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState(signUpAction, initial);
  // React resets the form after the action runs; keep what was typed for the sign-in that follows.
  const typedPassword = useRef("");
  const t = useTranslations("auth");

  // Once the account exists, sign in with what was just typed and continue.
  useEffect(() => {
    if (!state.ok) return;
    void signIn("credentials", { email: state.values.email, password: typedPassword.current, redirect: false }).then((result) => {
      window.location.assign(result?.ok ? callbackUrl : "/signin");
    });
  }, [state, callbackUrl]);

  return (
    <form
      action={action}
      onSubmit={(event) => {
        typedPassword.current = String(new FormData(event.currentTarget).get("password") ?? "");
      }}
      noValidate
      className="space-y-3"
      aria-describedby="signup-error"
    >
      <Field name="name" label={t("fields.name")} autoComplete="name" required defaultValue={state.values.name} error={state.errors.name} />
      <Field name="email" label={t("fields.email")} type="email" autoComplete="email" required defaultValue={state.values.email} error={state.errors.email} />
      <Field
        name="password"
        label={t("fields.password")}
        type="password"
        autoComplete="new-password"
        required
        hint={t("signUp.passwordHint", { min: PASSWORD_MIN_LENGTH })}
        error={state.errors.password}
      />
      <p id="signup-error" role="alert" className="min-h-5 text-sm text-red-700">
        {state.formError}
      </p>
      <Button type="submit" disabled={pending || state.ok} className="w-full">
        {pending || state.ok ? t("signUp.pending") : t("signUp.submit")}
      </Button>
      <p className="text-sm text-slate-700">
        {t("signUp.haveAccount")}{" "}
        <Link href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="text-brand-700 underline">
          {t("signUp.signIn")}
        </Link>
      </p>
    </form>
  );
}
