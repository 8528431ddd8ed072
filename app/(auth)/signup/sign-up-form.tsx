"use client";
import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import { signIn } from "next-auth/react";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { PASSWORD_MIN_LENGTH } from "@/lib/schemas/account";
import { signUpAction, type SignUpState } from "./actions";

const initial: SignUpState = { ok: false, errors: {}, values: { name: "", email: "" } };

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState(signUpAction, initial);
  // React resets the form after the action runs; keep what was typed for the sign-in that follows.
  const typedPassword = useRef("");

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
      <Field name="name" label="Name" autoComplete="name" required defaultValue={state.values.name} error={state.errors.name} />
      <Field name="email" label="Email" type="email" autoComplete="email" required defaultValue={state.values.email} error={state.errors.email} />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        error={state.errors.password}
      />
      <p id="signup-error" role="alert" className="min-h-5 text-sm text-red-700">
        {state.formError}
      </p>
      <Button type="submit" disabled={pending || state.ok} className="w-full">
        {pending || state.ok ? "Creating your account…" : "Create account"}
      </Button>
      <p className="text-sm text-slate-700">
        Already have an account?{" "}
        <Link href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="text-brand-700 underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
