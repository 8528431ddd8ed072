import Link from "next/link";

export default function NotFound() {
  return (
    <section aria-labelledby="not-found-heading" className="space-y-3">
      <h1 id="not-found-heading" className="text-2xl font-semibold">
        Page not found
      </h1>
      <Link href="/" className="text-brand-700 underline">
        Back to the lessons
      </Link>
    </section>
  );
}
