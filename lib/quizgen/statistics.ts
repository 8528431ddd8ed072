/** Small exact tests for the quality report; no library offline had both with types. */

function logGamma(x: number): number {
  // Lanczos approximation (g = 7, n = 9): accurate to ~15 digits for x > 0.
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

function binomialPmf(k: number, n: number, p: number): number {
  return Math.exp(logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log(1 - p));
}

/** Two-sided exact binomial test: the probability of an outcome at most as likely as k. */
export function binomialTestTwoSided(k: number, n: number, p: number): number {
  if (n === 0) return 1;
  const observed = binomialPmf(k, n, p);
  let total = 0;
  for (let i = 0; i <= n; i++) {
    const q = binomialPmf(i, n, p);
    if (q <= observed * (1 + 1e-7)) total += q;
  }
  return Math.min(1, total);
}

/** Regularized lower incomplete gamma P(s, x), by its series (fine for the small df used here). */
function lowerGammaRegularized(s: number, x: number): number {
  if (x <= 0) return 0;
  let sum = 1 / s;
  let term = sum;
  for (let n = 1; n < 500; n++) {
    term *= x / (s + n);
    sum += term;
    if (term < sum * 1e-15) break;
  }
  return Math.exp(-x + s * Math.log(x) - logGamma(s)) * sum;
}

/** χ² goodness of fit against equal expected counts; returns the statistic and its p-value. */
export function chiSquareUniform(counts: number[]): { statistic: number; df: number; p: number } {
  const n = counts.reduce((a, b) => a + b, 0);
  const expected = n / counts.length;
  const statistic = expected === 0 ? 0 : counts.reduce((acc, o) => acc + (o - expected) ** 2 / expected, 0);
  const df = counts.length - 1;
  return { statistic, df, p: 1 - lowerGammaRegularized(df / 2, statistic / 2) };
}
