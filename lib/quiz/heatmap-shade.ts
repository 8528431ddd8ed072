/**
 * A sentence's shade in the source heatmap: none when no answer citing it was wrong (0% is not a
 * problem to point at), then from light to strong red as the share wrong grows. Text stays dark
 * on every shade, so contrast holds.
 */
export function heatmapShade(missRate: number): string | undefined {
  if (!(missRate > 0)) return undefined;
  return `rgba(220, 38, 38, ${(0.08 + Math.min(missRate, 1) * 0.42).toFixed(2)})`;
}

/** The legend's steps: each band's label and the shade of its middle. */
export const HEATMAP_LEGEND = [
  { label: "0% wrong (or no answers)", shade: undefined },
  { label: "1–25% wrong", shade: heatmapShade(0.13) },
  { label: "26–50% wrong", shade: heatmapShade(0.38) },
  { label: "51–75% wrong", shade: heatmapShade(0.63) },
  { label: "76–100% wrong", shade: heatmapShade(0.88) },
] as const;
