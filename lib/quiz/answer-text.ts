import type { Answer } from "@/lib/schemas/answer";
import type { QuizQuestion } from "@/lib/quiz/question";

/** The true/false buttons' words, in the question's language (the quiz shows these). */
export const TRUE_FALSE_LABELS = { en: ["True", "False"], zh: ["正确", "错误"] } as const;

/**
 * A stored answer as the student saw it on screen: the chosen option's text, the typed text,
 * the true/false button's word, matching as "left → right" pairs, ordering as the items in the
 * order given. For the drill-down and the responses CSV, which used to show the raw JSON.
 */
export function answerAsSeen(q: Pick<QuizQuestion, "language" | "options" | "pairs">, answer: Answer): string {
  const optionText = (id: string | undefined) => (id === undefined ? "—" : (q.options ?? []).find((o) => o.id === id)?.text ?? id);
  switch (answer.kind) {
    case "option":
      return optionText(answer.optionId);
    case "typed":
      return answer.text;
    case "bool": {
      const [yes, no] = q.language === "zh" ? TRUE_FALSE_LABELS.zh : TRUE_FALSE_LABELS.en;
      return answer.value ? yes : no;
    }
    case "matching":
      return (q.pairs ?? []).map((pair, i) => `${pair.left} → ${optionText(answer.choices[i])}`).join("; ");
    case "ordering":
      return answer.order.map(optionText).join(" → ");
  }
}

/** The same from the stored JSON; what cannot be read is shown as stored rather than lost. */
export function storedAnswerAsSeen(q: Pick<QuizQuestion, "language" | "options" | "pairs">, stored: string): string {
  try {
    return answerAsSeen(q, JSON.parse(stored) as Answer);
  } catch {
    return stored;
  }
}
