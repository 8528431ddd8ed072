import { signOutAction } from "@/app/(auth)/sign-out-action";

export function SignOutButton({ label }: { label: string }) {
  return (
    <form action={signOutAction}>
      <button type="submit" className="rounded border border-slate-300 px-3 py-1.5 text-slate-700 hover:bg-slate-100">
        {label}
      </button>
    </form>
  );
}
