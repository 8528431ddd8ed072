import type { TypedGrader } from "./grade-answer";

// Placeholder until the content pipeline's number parser lands: plain decimal input only.
export const gradeTypedQuestion: TypedGrader = (q, text) => {
  const value = Number(text.replace(/[,\s%]/g, ""));
  if (!Number.isFinite(value) || q.answerValue == null) return { correct: false, value: null, readAs: null };
  return { correct: Math.abs(value - q.answerValue) <= (q.tolerance ?? 0), value, readAs: String(value) };
};
