import type { ReactNode } from "react";

/** A page section named by its heading (aria-labelledby), as the documents pages lay them out. */
export function TitledSection({ id, title, level = 2, className = "space-y-3", children }: { id: string; title: ReactNode; level?: 1 | 2; className?: string; children: ReactNode }) {
  const Heading = level === 1 ? "h1" : "h2";
  return (
    <section aria-labelledby={id} className={className}>
      <Heading id={id} className={level === 1 ? "text-2xl font-semibold" : "text-xl font-semibold"}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
