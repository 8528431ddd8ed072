import type { Feedback } from "@/lib/quiz/question";

/** Right or wrong, the key, why, and the sentence it comes from (linked, highlighted in the lesson). */
export function FeedbackPanel({ feedback, language }: { feedback: Feedback; language: string }) {
  return (
    <div role="status" className={`space-y-2 rounded border-l-4 p-4 ${feedback.correct ? "border-green-700 bg-green-50" : "border-red-700 bg-red-50"}`}>
      <p className="font-semibold">{feedback.correct ? "Correct" : "Not quite"}</p>
      {feedback.readAs && <p className="text-sm">Your answer was read as {feedback.readAs}.</p>}
      <p>
        Answer: <span lang={language}>{feedback.answerText}</span>
      </p>
      {feedback.explanation && <p lang={language} className="text-slate-800">{feedback.explanation}</p>}
      <blockquote lang={language} className="border-l-2 border-slate-400 pl-3 text-slate-700">
        “{feedback.source.quote}”{" "}
        {/* A full page load, not a client-side one, so the browser applies :target and highlights the sentence. */}
        <a href={`/lessons/${feedback.source.lessonSlug}#${feedback.source.sentenceId}`} className="text-brand-700 underline" lang="en">
          Read it in the lesson
        </a>
      </blockquote>
    </div>
  );
}
