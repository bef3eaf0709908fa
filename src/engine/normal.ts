/** Standard normal CDF (Abramowitz & Stegun 7.1.26 on erf; error below 1.5e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

const A0 = -3.969683028665376e1, A1 = 2.209460984245205e2, A2 = -2.759285104469687e2;
const A3 = 1.38357751867269e2, A4 = -3.066479806614716e1, A5 = 2.506628277459239;
const B0 = -5.447609879822406e1, B1 = 1.615858368580409e2, B2 = -1.556989798598866e2;
const B3 = 6.680131188771972e1, B4 = -1.328068155288572e1;
const C0 = -7.784894002430293e-3, C1 = -3.223964580411365e-1, C2 = -2.400758277161838;
const C3 = -2.549732539343734, C4 = 4.374664141464968, C5 = 2.938163982698783;
const D0 = 7.784695709041462e-3, D1 = 3.224671290700398e-1, D2 = 2.445134137142996, D3 = 3.754408661907416;
const LOW = 0.02425;

/**
 * Inverse standard normal CDF (Acklam's rational approximation; relative error below 1.2e-9).
 * The central region is kept small enough for V8 to inline, so the result is not boxed.
 */
export function normalQuantile(p: number): number {
  if (!(p >= LOW && p <= 1 - LOW)) return normalQuantileTail(p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((A0 * r + A1) * r + A2) * r + A3) * r + A4) * r + A5) * q) / (((((B0 * r + B1) * r + B2) * r + B3) * r + B4) * r + 1);
}

function normalQuantileTail(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  if (p < LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((C0 * q + C1) * q + C2) * q + C3) * q + C4) * q + C5) / ((((D0 * q + D1) * q + D2) * q + D3) * q + 1);
  }
  const q = Math.sqrt(-2 * Math.log(1 - p));
  return -(((((C0 * q + C1) * q + C2) * q + C3) * q + C4) * q + C5) / ((((D0 * q + D1) * q + D2) * q + D3) * q + 1);
}

/** A standard normal variate from two uniforms (Box–Muller). */
export function boxMuller(u1: number, u2: number): number {
  return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
}

/** Cells of the quantile table, and how many at each end use the exact approximation instead. */
export const QUANTILE_CELLS = 4096;
export const EXACT_CELLS = 16;
/** normalQuantile at i / QUANTILE_CELLS, for fast interpolation in the hot loop. */
export const QUANTILE_TABLE = (() => {
  const t = new Float64Array(QUANTILE_CELLS + 1);
  for (let i = 1; i < QUANTILE_CELLS; i++) t[i] = normalQuantile(i / QUANTILE_CELLS);
  return t;
})();

/**
 * Inverse normal CDF by linear interpolation in a table (error below 2e-4),
 * with the exact rational approximation in the outer cells where the curve is steep.
 * The drift step (walk/levels.ts) writes the same lines out where it needs them: a number
 * returned by a call V8 does not inline is boxed, once per year and precondition.
 */
export function fastNormalQuantile(p: number): number {
  const x = p * QUANTILE_CELLS;
  const i = x | 0;
  if (i < EXACT_CELLS || i >= QUANTILE_CELLS - EXACT_CELLS) return normalQuantile(p);
  const lo = QUANTILE_TABLE[i]!;
  return lo + (QUANTILE_TABLE[i + 1]! - lo) * (x - i);
}
