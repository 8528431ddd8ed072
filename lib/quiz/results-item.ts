import { say } from "@/lib/quizgen/templates";
import type { Language } from "@/lib/quizgen/schema";
import type { Feedback } from "./question";

/**
 * What an answered question's feedback adds to its stem (on the results page, and after "Check
 * answer" in a quiz or a review), so the source sentence is shown once: the quote only
 * when the stem does not already hold it word for word (true-false and "which sector" stems do),
 * and the explanation without its "The lesson says: “…”" copy of the same sentence.
 */
export function resultsItemText(stem: string, feedback: Feedback, language: string): { quote: string | null; note: string | null } {
  const { quote } = feedback.source;
  const copy = say("explainFigure", (language === "zh" ? "zh" : "en") as Language)(quote);
  const note = feedback.explanation.split(copy).join(" ").replace(/\s+/g, " ").trim();
  return { quote: stem.includes(quote) ? null : quote, note: note && !note.includes(quote) ? note : null };
}
