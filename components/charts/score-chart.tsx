interface Point {
  finishedAt: Date;
  score: number;
  label: string;
}

/** Scores over time as a small SVG line, with the same numbers in a table for screen readers. */
export function ScoreChart({ points }: { points: Point[] }) {
  if (points.length === 0) return <p className="text-slate-700">Finish a quiz to see your scores here.</p>;
  const width = 600;
  const height = 160;
  const pad = 24;
  const x = (i: number) => (points.length === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (points.length - 1));
  const y = (score: number) => height - pad - score * (height - 2 * pad);
  const path = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(p.score).toFixed(1)}`).join(" ");
  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${width} ${height}`} className="w-full rounded border border-slate-200 bg-white" aria-hidden="true">
        {[0, 0.5, 1].map((g) => (
          <g key={g}>
            <line x1={pad} x2={width - pad} y1={y(g)} y2={y(g)} stroke="#e2e8f0" />
            <text x={2} y={y(g) + 4} fontSize="10" fill="#475569">
              {g * 100}%
            </text>
          </g>
        ))}
        <path d={path} fill="none" stroke="#1d4ed8" strokeWidth="2" />
        {points.map((p, i) => (
          <circle key={i} cx={x(i)} cy={y(p.score)} r="4" fill="#1d4ed8" />
        ))}
      </svg>
      <figcaption className="sr-only">
        <table>
          <caption>Quiz scores over time</caption>
          <thead>
            <tr>
              <th>Date</th>
              <th>Quiz</th>
              <th>Score</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => (
              <tr key={i}>
                <td>{p.finishedAt.toISOString().slice(0, 10)}</td>
                <td>{p.label}</td>
                <td>{Math.round(p.score * 100)}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
