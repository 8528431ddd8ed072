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

/** The answer cannot be an answer to this question (wrong kind, or ids the question does not have). */
export class AnswerDoesNotFitError extends Error {}

/**
 * Why an answer cannot be one to this question, or null when it can: its kind is the question's,
 * and every option id, matching choice and ordered item is one of the question's own options (an
 * ordering uses each exactly once). Ids are compared whole, so nothing else (another question's id,
 * a separator character) can ride along into what is stored and counted.
 */
export function checkAnswerFits(q: QuizQuestion, answer: Answer): string | null {
  if (ANSWER_KIND[q.type] !== answer.kind) return `A ${q.type} question takes a "${ANSWER_KIND[q.type]}" answer.`;
  const ids = new Set((q.options ?? []).map((o) => o.id));
  switch (answer.kind) {
    case "option":
      return ids.has(answer.optionId) ? null : "That choice is not one of this question's options.";
    case "matching":
      if (answer.choices.length !== (q.pairs ?? []).length) return "Match every item once.";
      return answer.choices.every((id) => ids.has(id)) ? null : "That choice is not one of this question's options.";
    case "ordering":
      return answer.order.length === ids.size && new Set(answer.order).size === ids.size && answer.order.every((id) => ids.has(id))
        ? null
        : "Put each of this question's items in the order exactly once.";
    case "typed":
    case "bool":
      return null;
  }
}

/** Grades one answer on the server. Throws AnswerDoesNotFitError when the answer does not fit the question. */
export function gradeAnswer(q: QuizQuestion, answer: Answer, gradeTyped: TypedGrader): Grade {
  const misfit = checkAnswerFits(q, answer);
  if (misfit) throw new AnswerDoesNotFitError(misfit);
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
