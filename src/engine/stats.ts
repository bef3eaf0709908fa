/** 95% Wilson score interval for k successes in n trials: honest near 0 and 1, unlike the normal interval. */
export function wilson(k: number, n: number, z = 1.959963984540054): [number, number] {
  if (n === 0) return [0, 1];
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // At 0 or n successes the bound is exact; rounding must not push it past the share.
  const lo = k === 0 ? 0 : Math.min(p, Math.max(0, centre - half));
  const hi = k === n ? 1 : Math.max(p, Math.min(1, centre + half));
  return [lo, hi];
}
