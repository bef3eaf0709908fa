/** Standard normal CDF (Abramowitz & Stegun 7.1.26 on erf; error below 1.5e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** Inverse standard normal CDF (Acklam's rational approximation; relative error below 1.2e-9). */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a0 = -3.969683028665376e1, a1 = 2.209460984245205e2, a2 = -2.759285104469687e2;
  const a3 = 1.38357751867269e2, a4 = -3.066479806614716e1, a5 = 2.506628277459239;
  const b0 = -5.447609879822406e1, b1 = 1.615858368580409e2, b2 = -1.556989798598866e2;
  const b3 = 6.680131188771972e1, b4 = -1.328068155288572e1;
  const c0 = -7.784894002430293e-3, c1 = -3.223964580411365e-1, c2 = -2.400758277161838;
  const c3 = -2.549732539343734, c4 = 4.374664141464968, c5 = 2.938163982698783;
  const d0 = 7.784695709041462e-3, d1 = 3.224671290700398e-1, d2 = 2.445134137142996, d3 = 3.754408661907416;
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
}

/** A standard normal variate from two uniforms (Box–Muller). */
export function boxMuller(u1: number, u2: number): number {
  return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
}

const TABLE_SIZE = 4096;
/** normalQuantile at i / TABLE_SIZE, for fast interpolation in the hot loop. */
const QUANTILES = (() => {
  const t = new Float64Array(TABLE_SIZE + 1);
  for (let i = 1; i < TABLE_SIZE; i++) t[i] = normalQuantile(i / TABLE_SIZE);
  return t;
})();

/**
 * Inverse normal CDF by linear interpolation in a table (error below 2e-4),
 * with the exact rational approximation in the outer 16 cells where the curve is steep.
 */
export function fastNormalQuantile(p: number): number {
  const x = p * TABLE_SIZE;
  const i = x | 0;
  if (i < 16 || i >= TABLE_SIZE - 16) return normalQuantile(p);
  const lo = QUANTILES[i]!;
  return lo + (QUANTILES[i + 1]! - lo) * (x - i);
}
