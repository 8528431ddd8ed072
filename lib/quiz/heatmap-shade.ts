/**
 * A sentence's shade in the source heatmap: none when no answer citing it was wrong (0% is not a
 * problem to point at), then from light to strong red as the share wrong grows. Text stays dark
 * on every shade, so contrast holds.
 */
export function heatmapShade(missRate: number): string | undefined {
  if (!(missRate > 0)) return undefined;
  return `rgba(220, 38, 38, ${(0.08 + Math.min(missRate, 1) * 0.42).toFixed(2)})`;
}

/** The legend's steps: each band's bounds in whole percent (none for "0% wrong, or no answers") and the shade of its middle; pages word them in the reader's language. */
export const HEATMAP_LEGEND = [
  { band: null, shade: undefined },
  { band: { from: 1, to: 25 }, shade: heatmapShade(0.13) },
  { band: { from: 26, to: 50 }, shade: heatmapShade(0.38) },
  { band: { from: 51, to: 75 }, shade: heatmapShade(0.63) },
  { band: { from: 76, to: 100 }, shade: heatmapShade(0.88) },
] as const;
