"use client";
import { createContext, useContext, useState } from "react";
import { undoReviewAction } from "@/app/review/actions";
import { useTranslations } from "next-intl";

export interface LastReview {
  logId: string;
  stem: string;
  language: string;
}

const LastReviewContext = createContext<{ last: LastReview | null; report: (review: LastReview) => void }>({ last: null, report: () => {} });

/**
 * The review "Undo last review" cancels. The server names it when the page renders; a card answered
 * (or re-rated) since then reports its own review here, so undo is about the review just given
 * even before the learner moves on to the next card (the page is not re-rendered until then).
 */
export function LastReviewProvider({ initial, children }: { initial: LastReview | null; children: React.ReactNode }) {
  const [state, setState] = useState({ basis: initial?.logId ?? null, last: initial });
  let current = state;
  // A new server render (next card, undo) knows at least as much as this page: it takes over.
  if ((initial?.logId ?? null) !== state.basis) {
    current = { basis: initial?.logId ?? null, last: initial };
    setState(current);
  }
  return <LastReviewContext.Provider value={{ last: current.last, report: (last) => setState((s) => ({ ...s, last })) }}>{children}</LastReviewContext.Provider>;
}

export function useReportReview() {
  return useContext(LastReviewContext).report;
}

export function UndoLastReviewForm({ back }: { back: string }) {
  const { last } = useContext(LastReviewContext);
  const t = useTranslations("review.undo");
  if (!last) return null;
  return (
    <form action={undoReviewAction} className="flex flex-wrap items-center gap-3 text-sm">
      <input type="hidden" name="logId" value={last.logId} />
      <input type="hidden" name="back" value={back} />
      <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1.5">
        {t("button")}
      </button>
      <span className="text-slate-600">
        {t("last")} <span className="italic" lang={last.language}>{last.stem.length > 80 ? `${last.stem.slice(0, 80)}…` : last.stem}</span>
      </span>
    </form>
  );
}
