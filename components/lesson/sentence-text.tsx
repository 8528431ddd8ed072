import type { LessonBody } from "@/lib/schemas/lesson";

type Figure = LessonBody["figures"][number];

/** A sentence with its figures wrapped in <mark>, so the numbers a quiz asks about stand out. */
export function SentenceText({ text, figures }: { text: string; figures: Figure[] }) {
  const parts: React.ReactNode[] = [];
  let cursor = 0;
  const spans = figures
    .map((f) => ({ f, at: text.indexOf(f.text) }))
    .filter((s) => s.at >= 0 && s.f.text.length > 0)
    .sort((a, b) => a.at - b.at);
  for (const { f, at } of spans) {
    if (at < cursor) continue; // overlapping figure: keep the first
    if (at > cursor) parts.push(text.slice(cursor, at));
    parts.push(
      <mark key={f.id} data-figure={f.kind} className="rounded bg-amber-100 px-0.5 text-inherit">
        {f.text}
      </mark>,
    );
    cursor = at + f.text.length;
  }
  parts.push(text.slice(cursor));
  return <>{parts}</>;
}
