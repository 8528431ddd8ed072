import Link from "next/link";

export default function Forbidden() {
  return (
    <section aria-labelledby="forbidden-heading" className="space-y-3">
      <h1 id="forbidden-heading" className="text-2xl font-semibold">
        403 · Not allowed
      </h1>
      <p className="text-slate-700">Your account does not have access to this page. Instructor pages are for instructors.</p>
      <Link href="/" className="text-brand-700 underline">
        Back to the lessons
      </Link>
    </section>
  );
}
