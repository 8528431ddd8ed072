import type { ReadAs } from "@/lib/quiz/read-as";
import type { Answer } from "@/lib/schemas/answer";

export type QuizScope = "lesson" | "sector";

/**
 * The fields of a generated question that quizzes use (the generator's full contract is in
 * docs/content-format.md). Kept to what showing and grading need, so this module stays pure.
 */
export type QuestionType = "figure-mc" | "figure-typed" | "sector-id" | "matching" | "true-false" | "ordering";

export interface QuizQuestion {
  id: string;
  documentSlug: string;
  language: string;
  type: QuestionType;
  stem: string;
  options: { id: string; text: string }[] | null;
  answerText: string;
  correctOptionId?: string | null;
  answerValue?: number | null;
  tolerance?: number | null;
  answerKind?: string | null;
  answerUnit?: string | null;
  /** figure-typed: the hint's example answers, chosen by the generator among values the lesson does not state. */
  typedExamples?: string[];
  pairs?: { left: string; right: string }[] | null;
  answerBool?: boolean | null;
  correctOrder?: string[] | null;
  explanation: string;
  source: { sentenceId: string; quote: string };
  figureIds: string[];
  sectorIds: string[];
  /** The fact the question tests; review cards are per fact (absent for matching and ordering). */
  factId?: string;
}

/** What the browser may see of a question before it is answered: no key, no explanation. */
export interface PresentedQuestion {
  id: string;
  type: QuestionType;
  language: string;
  stem: string;
  /** Choices for option types, the right-hand column for matching, the items for ordering. */
  options: { id: string; text: string }[];
  /** Matching only: the left-hand items, in the order the answer's `choices` refer to. */
  lefts: string[];
  /**
   * figure-typed only: the hint's examples (a percent, the same in full-width digits, an amount in
   * 亿, the same in billions), none a figure of the lesson; absent for questions built before them.
   */
  examples?: string[];
}

/** What the browser sees once a question is answered. */
export interface Feedback {
  correct: boolean;
  answerText: string;
  explanation: string;
  /** For typed numbers: how the input was read ("read as 297.37 billion USD"). */
  readAs: ReadAs | null;
  source: { lessonSlug: string; sentenceId: string; quote: string };
}

/** A quiz as the browser sees it: answered questions carry their feedback, the others no key. */
export interface AttemptView {
  id: string;
  scope: QuizScope;
  scopeId: string;
  finished: boolean;
  questions: { question: PresentedQuestion; answered: null | { answer: Answer; feedback: Feedback } }[];
}
