"use client";
import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/" })}
      className="rounded border border-slate-300 px-3 py-1.5 text-slate-700 hover:bg-slate-100"
    >
      Sign out
    </button>
  );
}
