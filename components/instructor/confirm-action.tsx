"use client";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";

interface Props {
  /** The first button's text, e.g. "Remove Ana". */
  label: string;
  /** What the second step asks, e.g. "Remove Ana from the class?". */
  question: string;
  /** The confirming button's text. */
  confirmLabel: string;
  action: () => Promise<void>;
}

/**
 * A destructive action in two steps: the first button only asks, the second (focused, so Enter or
 * Space confirms and Escape or "Cancel" backs out) submits. Works with the keyboard and a screen reader.
 */
export function ConfirmAction({ label, question, confirmLabel, action }: Props) {
  const [asking, setAsking] = useState(false);
  const t = useTranslations("instructor.confirm");
  const confirmRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) askRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking)
    return (
      <button ref={askRef} type="button" onClick={() => setAsking(true)} className="rounded border border-slate-300 px-2 py-0.5 text-sm">
        {label}
      </button>
    );
  return (
    <form action={action} role="group" aria-label={question} onKeyDown={(e) => e.key === "Escape" && setAsking(false)} className="flex flex-wrap items-center gap-2 text-sm">
      <span>{question}</span>
      <button ref={confirmRef} type="submit" className="rounded bg-red-700 px-2 py-0.5 font-medium text-white hover:bg-red-800">
        {confirmLabel}
      </button>
      <button type="button" onClick={() => setAsking(false)} className="rounded border border-slate-300 px-2 py-0.5">
        {t("cancel")}
      </button>
    </form>
  );
}
