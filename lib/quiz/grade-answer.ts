import type { Answer } from "@/lib/schemas/answer";
import type { QuizQuestion } from "./question";

export interface Grade {
  correct: boolean;
  /** Typed numbers: the value the input was read as (base units) and how, for the feedback. */
  parsedValue: number | null;
  readAs: string | null;
}

/** Reads a typed number and compares it by value; supplied by the content pipeline's number parser. */
export type TypedGrader = (q: QuizQuestion, text: string) => { correct: boolean; value: number | null; readAs: string | null };

const ANSWER_KIND: Record<QuizQuestion["type"], Answer["kind"]> = {
  "figure-mc": "option",
  "sector-id": "option",
  "figure-typed": "typed",
  "true-false": "bool",
  matching: "matching",
  ordering: "ordering",
};

export class WrongAnswerKindError extends Error {}

/** Grades one answer on the server. Throws WrongAnswerKindError when the answer does not fit the type. */
export function gradeAnswer(q: QuizQuestion, answer: Answer, gradeTyped: TypedGrader): Grade {
  if (ANSWER_KIND[q.type] !== answer.kind) throw new WrongAnswerKindError(`A ${q.type} question takes a "${ANSWER_KIND[q.type]}" answer.`);
  const plain = (correct: boolean): Grade => ({ correct, parsedValue: null, readAs: null });
  switch (answer.kind) {
    case "option":
      return plain(answer.optionId === q.correctOptionId);
    case "bool":
      return plain(answer.value === q.answerBool);
    case "typed": {
      const r = gradeTyped(q, answer.text);
      return { correct: r.correct, parsedValue: r.value, readAs: r.readAs };
    }
    case "matching": {
      const pairs = q.pairs ?? [];
      const options = new Map((q.options ?? []).map((o) => [o.id, o]));
      if (answer.choices.length !== pairs.length) return plain(false);
      return plain(
        pairs.every((pair, i) => {
          const chosen = options.get(answer.choices[i]);
          return !!chosen && (chosen.text === pair.right || chosen.id === pair.right);
        }),
      );
    }
    case "ordering": {
      const key = q.correctOrder ?? [];
      return plain(key.length === answer.order.length && key.every((id, i) => answer.order[i] === id));
    }
  }
}
