import { useFormatter, useTranslations } from "next-intl";
import type { QuizSubject } from "@/lib/server/data/progress";
import { QuizSubjectName } from "@/components/quiz-subject";

interface Point {
  finishedAt: Date;
  score: number;
  subject: QuizSubject;
}

/**
 * Scores over time as a small SVG line with labelled axes; each point carries its number, which
 * the table under it names (date, quiz, score), so the chart reads without hovering.
 */
export function ScoreChart({ points }: { points: Point[] }) {
  const t = useTranslations("dashboard.chart");
  const format = useFormatter();
  // A day the reader's way ("Dec 1, 2026", "2026年12月1日"), not the ISO date.
  const day = (d: Date) => format.dateTime(d, { year: "numeric", month: "short", day: "numeric" });
  if (points.length === 0) return <p className="text-slate-700">{t("empty")}</p>;
  const width = 600;
  const height = 190;
  const left = 44;
  const right = 16;
  const top = 16;
  const bottom = 44;
  const x = (i: number) => (points.length === 1 ? (left + width - right) / 2 : left + (i * (width - left - right)) / (points.length - 1));
  const y = (score: number) => height - bottom - score * (height - top - bottom);
  const path = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(p.score).toFixed(1)}`).join(" ");
  // Dates under the axis: every point's when there is room, else the first and the last.
  const dated = points.length <= 6 ? points.map((_, i) => i) : [0, points.length - 1];
  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${width} ${height}`} className="w-full rounded border border-slate-200 bg-white" aria-hidden="true" data-testid="score-chart">
        {[0, 0.5, 1].map((g) => (
          <g key={g}>
            <line x1={left} x2={width - right} y1={y(g)} y2={y(g)} stroke="#e2e8f0" />
            <text x={left - 6} y={y(g) + 4} fontSize="11" fill="#475569" textAnchor="end">
              {g * 100}%
            </text>
          </g>
        ))}
        <text x={12} y={(top + height - bottom) / 2} fontSize="11" fill="#334155" textAnchor="middle" transform={`rotate(-90 12 ${(top + height - bottom) / 2})`}>
          {t("score")}
        </text>
        {dated.map((i) => (
          <text key={i} x={x(i)} y={height - bottom + 16} fontSize="11" fill="#475569" textAnchor="middle">
            {day(points[i].finishedAt)}
          </text>
        ))}
        <text x={(left + width - right) / 2} y={height - 6} fontSize="11" fill="#334155" textAnchor="middle">
          {t("xAxis")}
        </text>
        <path d={path} fill="none" stroke="#1d4ed8" strokeWidth="2" />
        {points.map((p, i) => (
          <g key={i}>
            <circle cx={x(i)} cy={y(p.score)} r="4" fill="#1d4ed8" />
            <text x={x(i)} y={y(p.score) - 8} fontSize="11" fill="#1e3a8a" textAnchor="middle">
              {i + 1}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-1">{t("number")}</th>
              <th scope="col" className="p-1">{t("date")}</th>
              <th scope="col" className="p-1">{t("quiz")}</th>
              <th scope="col" className="p-1">{t("score")}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => (
              <tr key={i} className="border-b border-slate-200">
                <td className="p-1">{i + 1}</td>
                <td className="p-1 whitespace-nowrap">{day(p.finishedAt)}</td>
                <td className="p-1">
                  <QuizSubjectName subject={p.subject} />
                </td>
                <td className="p-1 whitespace-nowrap">{format.number(p.score, { style: "percent" })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
