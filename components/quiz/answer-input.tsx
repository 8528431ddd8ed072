"use client";
import type { Answer } from "@/lib/schemas/answer";
import type { PresentedQuestion } from "@/lib/quiz/question";
import { TRUE_FALSE_LABELS } from "@/lib/quiz/answer-text";
import { useTranslations } from "next-intl";

interface Props {
  question: PresentedQuestion;
  value: Answer | null;
  onChange: (answer: Answer) => void;
  disabled: boolean;
}

/** The input for one question, by type; every type works with the keyboard alone. */
export function AnswerInput({ question, value, onChange, disabled }: Props) {
  const t = useTranslations("quiz.input");
  const name = `answer-${question.id}`;
  switch (question.type) {
    case "figure-mc":
    case "sector-id":
      return (
        <fieldset className="space-y-2" disabled={disabled}>
          <legend className="sr-only">{t("chooseOne")}</legend>
          {question.options.map((option) => (
            <label key={option.id} className="flex cursor-pointer items-center gap-3 rounded border border-slate-300 bg-white p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
              <input
                type="radio"
                name={name}
                value={option.id}
                checked={value?.kind === "option" && value.optionId === option.id}
                onChange={() => onChange({ kind: "option", optionId: option.id })}
                className="size-4"
              />
              <span lang={question.language}>{option.text}</span>
            </label>
          ))}
        </fieldset>
      );
    case "true-false": {
      const labels = question.language === "zh" ? TRUE_FALSE_LABELS.zh : TRUE_FALSE_LABELS.en;
      return (
        <fieldset className="flex gap-3" disabled={disabled}>
          <legend className="sr-only">{t("trueOrFalse")}</legend>
          {[true, false].map((v, i) => (
            <label key={String(v)} className="flex cursor-pointer items-center gap-2 rounded border border-slate-300 bg-white px-4 py-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
              <input type="radio" name={name} checked={value?.kind === "bool" && value.value === v} onChange={() => onChange({ kind: "bool", value: v })} className="size-4" />
              <span lang={question.language}>{labels[i]}</span>
            </label>
          ))}
        </fieldset>
      );
    }
    case "figure-typed":
      return (
        <div className="space-y-1">
          <label htmlFor={name} className="block text-sm font-medium">
            {t("yourAnswer")}
          </label>
          <input
            id={name}
            type="text"
            autoComplete="off"
            disabled={disabled}
            value={value?.kind === "typed" ? value.text : ""}
            onChange={(e) => onChange({ kind: "typed", text: e.target.value })}
            aria-describedby={`${name}-hint`}
            className="block w-full max-w-xs rounded border border-slate-400 bg-white px-3 py-2 text-lg"
          />
          <p id={`${name}-hint`} className="text-sm text-slate-600">
            {/* The examples come with the question: the generator picks values its lesson does not state. */}
            {question.examples ? t("typedHint", { percent: question.examples[0], fullWidth: question.examples[1], yi: question.examples[2], billions: question.examples[3] }) : t("typedHintPlain")}
          </p>
        </div>
      );
    case "matching": {
      const choices = value?.kind === "matching" ? value.choices : question.lefts.map(() => "");
      return (
        <div className="space-y-3">
          {question.lefts.map((left, i) => (
            <div key={left} className="flex flex-wrap items-center gap-3">
              <label htmlFor={`${name}-${i}`} lang={question.language} className="min-w-40 font-medium">
                {left}
              </label>
              <select
                id={`${name}-${i}`}
                disabled={disabled}
                value={choices[i] ?? ""}
                onChange={(e) => onChange({ kind: "matching", choices: choices.map((c, j) => (j === i ? e.target.value : c)) })}
                className="rounded border border-slate-400 bg-white px-3 py-2"
              >
                <option value="">{t("choose")}</option>
                {question.options.map((o) => (
                  <option key={o.id} value={o.id} lang={question.language}>
                    {o.text}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </div>
      );
    }
    case "ordering": {
      const order = value?.kind === "ordering" ? value.order : question.options.map((o) => o.id);
      const text = new Map(question.options.map((o) => [o.id, o.text]));
      const move = (i: number, by: number) => {
        const next = [...order];
        [next[i], next[i + by]] = [next[i + by], next[i]];
        onChange({ kind: "ordering", order: next });
      };
      return (
        <ol className="space-y-2" aria-label={t("orderLabel")}>
          {order.map((id, i) => (
            <li key={id} className="flex items-center gap-2 rounded border border-slate-300 bg-white p-2">
              <span className="w-6 text-right font-medium text-slate-600">{i + 1}.</span>
              <span className="flex-1" lang={question.language}>{text.get(id)}</span>
              <button type="button" disabled={disabled || i === 0} onClick={() => move(i, -1)} aria-label={t("moveUp", { item: text.get(id) ?? "" })} className="rounded border border-slate-300 px-2 py-1 disabled:opacity-40">
                ↑
              </button>
              <button type="button" disabled={disabled || i === order.length - 1} onClick={() => move(i, 1)} aria-label={t("moveDown", { item: text.get(id) ?? "" })} className="rounded border border-slate-300 px-2 py-1 disabled:opacity-40">
                ↓
              </button>
            </li>
          ))}
        </ol>
      );
    }
  }
}

/** The answer to send when the student has not changed anything (ordering starts from the shown order). */
export function initialAnswer(question: PresentedQuestion): Answer | null {
  return question.type === "ordering" ? { kind: "ordering", order: question.options.map((o) => o.id) } : null;
}

export function isComplete(answer: Answer | null): boolean {
  if (!answer) return false;
  if (answer.kind === "typed") return answer.text.trim().length > 0;
  if (answer.kind === "matching") return answer.choices.every((c) => c !== "");
  return true;
}
