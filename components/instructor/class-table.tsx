"use client";
import Link from "next/link";
import { useMemo, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { MasteryLevel } from "@/lib/quiz/mastery";

export interface ClassTableProps {
  classId: string;
  /** dueAt: the due day in the class's time zone, written for the reader ("Jun 30, 2030"). */
  assignments: { id: string; title: string; dueAt: string | null; averageScore: number | null; completed: number }[];
  students: {
    id: string;
    name: string;
    email: string;
    /** ISO instant (sorts), and the day in the class's time zone as the reader writes it. */
    lastActivity: string | null;
    lastActivityLabel: string | null;
    /** Translated reasons. */
    needsHelp: string[];
    cells: { score: number | null; attempts: number; mastery: string; status: string }[];
    review: { reviews7d: number; cards: number; dueNow: number; retention30d: number | null };
  }[];
}

const STATUSES = ["done", "late", "missing", "open"] as const;

/** Students × assignments, sortable by any column and filterable by name or "needs help". */
export function ClassTable({ classId, assignments, students }: ClassTableProps) {
  const [sortBy, setSortBy] = useState<number>(-1); // -1: name, -2: last activity, -3: reviews, i: assignment i
  const [descending, setDescending] = useState(false);
  const [query, setQuery] = useState("");
  const [onlyNeedsHelp, setOnlyNeedsHelp] = useState(false);
  const t = useTranslations("instructor.table");
  const tm = useTranslations("instructor.mastery");
  const format = useFormatter();
  const pct = (v: number | null) => (v === null ? "—" : format.number(Math.round(v * 100) / 100, { style: "percent" }));
  const status = (s: string) => (STATUSES.includes(s as (typeof STATUSES)[number]) ? t(`status.${s as (typeof STATUSES)[number]}`) : s);

  const rows = useMemo(() => {
    const filtered = students.filter(
      (s) => (!onlyNeedsHelp || s.needsHelp.length > 0) && `${s.name} ${s.email}`.toLowerCase().includes(query.trim().toLowerCase()),
    );
    const key = (s: ClassTableProps["students"][number]): string | number =>
      sortBy === -1 ? s.name.toLowerCase() : sortBy === -2 ? (s.lastActivity ?? "") : sortBy === -3 ? s.review.reviews7d : (s.cells[sortBy]?.score ?? -1);
    return [...filtered].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) * (descending ? -1 : 1));
  }, [students, sortBy, descending, query, onlyNeedsHelp]);

  function sortButton(column: number, label: string) {
    const active = sortBy === column;
    return (
      <button
        type="button"
        onClick={() => (active ? setDescending(!descending) : (setSortBy(column), setDescending(false)))}
        className="font-semibold underline-offset-2 hover:underline"
      >
        {label}
        <span aria-hidden="true">{active ? (descending ? " ↓" : " ↑") : ""}</span>
      </button>
    );
  }
  const ariaSort = (column: number) => (sortBy === column ? (descending ? "descending" : "ascending") : "none");

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="student-filter" className="block text-sm font-medium">
            {t("filter")}
          </label>
          <input id="student-filter" value={query} onChange={(e) => setQuery(e.target.value)} className="rounded border border-slate-400 px-2 py-1" />
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={onlyNeedsHelp} onChange={(e) => setOnlyNeedsHelp(e.target.checked)} /> {t("onlyNeedsHelp")}
        </label>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[40rem] border-collapse bg-white text-left text-sm" data-testid="class-table">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2" aria-sort={ariaSort(-1)}>
                {sortButton(-1, t("student"))}
              </th>
              {assignments.map((a, i) => (
                <th key={a.id} scope="col" className="p-2" aria-sort={ariaSort(i)}>
                  {sortButton(i, a.title)}
                  {a.dueAt && <div className="font-normal text-slate-600">{t("due", { due: a.dueAt })}</div>}
                </th>
              ))}
              <th scope="col" className="p-2" aria-sort={ariaSort(-3)}>
                {sortButton(-3, t("reviews"))}
              </th>
              <th scope="col" className="p-2" aria-sort={ariaSort(-2)}>
                {sortButton(-2, t("lastActivity"))}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.id} className={`border-b border-slate-200 ${s.needsHelp.length ? "bg-amber-50" : ""}`}>
                <th scope="row" className="p-2 font-normal">
                  <Link href={`/instructor/classes/${classId}/students/${s.id}`} className="text-brand-700 underline">
                    {s.name}
                  </Link>
                  {s.needsHelp.length > 0 && <div className="text-xs text-amber-900">{t("needsHelp", { reasons: format.list(s.needsHelp, { type: "conjunction" }) })}</div>}
                </th>
                {s.cells.map((c, i) => (
                  <td key={i} className="p-2">
                    <div>{pct(c.score)}</div>
                    <div className="text-xs text-slate-600">
                      {status(c.status)} · {t("attempts", { count: c.attempts })} · {tm(c.mastery as MasteryLevel)}
                    </div>
                  </td>
                ))}
                <td className="p-2" data-testid="review-activity">
                  <div>{s.review.reviews7d}</div>
                  <div className="text-xs text-slate-600">
                    {t("reviewDetail", { cards: s.review.cards, due: s.review.dueNow, retention: pct(s.review.retention30d) })}
                  </div>
                </td>
                <td className="p-2">{s.lastActivityLabel ?? t("never")}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t-2 border-slate-300">
              <th scope="row" className="p-2">
                {t("average")}
              </th>
              {assignments.map((a) => (
                <td key={a.id} className="p-2">
                  {pct(a.averageScore)} <span className="text-xs text-slate-600">{t("done", { count: a.completed })}</span>
                </td>
              ))}
              <td className="p-2">{students.reduce((sum, s) => sum + s.review.reviews7d, 0)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
