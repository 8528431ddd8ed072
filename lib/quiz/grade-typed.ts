import type { TypedGrader } from "./grade-answer";
import { gradeTyped, typedKeyOf } from "@/lib/quizgen/typed-answer";

/** Typed numbers are graded by value with the content pipeline's own number reader. */
export const gradeTypedQuestion: TypedGrader = (q, text) => {
  const key = typedKeyOf(q);
  return key ? gradeTyped(text, key) : { correct: false, value: null, readAs: null };
};
