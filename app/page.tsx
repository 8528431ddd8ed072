import Link from "next/link";
import { getCurrentUser } from "@/lib/server/auth/session";

export default async function HomePage() {
  const user = await getCurrentUser();
  return (
    <section aria-labelledby="home-heading" className="space-y-4">
      <h1 id="home-heading" className="text-3xl font-semibold">
        Learn the figures behind the China–US technology gap
      </h1>
      <p className="max-w-prose text-lg text-slate-700">
        Read short lessons made from news articles and a Chinese academic paper, then test yourself with quizzes generated
        from their figures and sectors: market shares, R&amp;D spending, patent counts and forecasts.
      </p>
      {!user && (
        <p>
          <Link href="/signup" className="text-brand-700 underline">
            Create a student account
          </Link>{" "}
          to keep your progress.
        </p>
      )}
    </section>
  );
}
