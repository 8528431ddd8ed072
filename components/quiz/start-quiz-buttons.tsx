import { startQuizAction } from "@/app/quiz/actions";

/** "Quiz on this …" and the short figures-only quiz, as two plain forms (they work before any script loads). */
export function StartQuizButtons({ scope, scopeId, label }: { scope: "lesson" | "sector"; scopeId: string; label: string }) {
  return (
    <div className="flex flex-wrap gap-3">
      <form action={startQuizAction}>
        <input type="hidden" name="scope" value={scope} />
        <input type="hidden" name="scopeId" value={scopeId} />
        <button type="submit" className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          {label}
        </button>
      </form>
      <form action={startQuizAction}>
        <input type="hidden" name="scope" value={scope} />
        <input type="hidden" name="scopeId" value={scopeId} />
        <input type="hidden" name="figuresOnly" value="1" />
        <button type="submit" className="rounded border border-slate-300 bg-white px-4 py-2">
          Figures only (5 questions)
        </button>
      </form>
    </div>
  );
}
