import type { Distribution } from '../../model/distribution.js';
import { normalCdf } from '../../engine/normal.js';

/** Mean and standard deviation of a parameter's distribution (0 for a fixed value). Pure. */
export interface Moments {
  readonly mean: number;
  readonly sd: number;
}

/**
 * How far a distribution moved, as the rewrite distance measures it: the change of mean and of
 * sd, as one length in the distribution's own units (divide by a scale for sd units).
 */
export function momentShift(from: Distribution, to: Distribution): { readonly from: Moments; readonly to: Moments; readonly length: number } {
  const a = moments(from);
  const b = moments(to);
  const dMean = b.mean - a.mean;
  const dSd = b.sd - a.sd;
  return { from: a, to: b, length: Math.sqrt(dMean * dMean + dSd * dSd) };
}

export function moments(d: Distribution): Moments {
  switch (d.kind) {
    case 'fixed':
      return { mean: d.value, sd: 0 };
    case 'uniform':
      return { mean: (d.min + d.max) / 2, sd: (d.max - d.min) / Math.sqrt(12) };
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      const variance = (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
      return { mean: (a + b + c) / 3, sd: Math.sqrt(Math.max(0, variance)) };
    }
    case 'beta': {
      const s = d.alpha + d.beta;
      const span = d.max - d.min;
      return { mean: d.min + (span * d.alpha) / s, sd: span * Math.sqrt((d.alpha * d.beta) / (s * s * (s + 1))) };
    }
    case 'normal':
      return truncatedNormal(d.mean, d.sd, d.min, d.max);
    case 'bernoulli':
      return { mean: d.p, sd: Math.sqrt(d.p * (1 - d.p)) };
  }
}

/** Moments of Normal(mu, sigma) truncated to [lo, hi]. */
function truncatedNormal(mu: number, sigma: number, lo: number, hi: number): Moments {
  const a = (lo - mu) / sigma;
  const b = (hi - mu) / sigma;
  const z = normalCdf(b) - normalCdf(a);
  if (!(z > 1e-12)) return { mean: Math.min(hi, Math.max(lo, mu)), sd: 0 };
  const pa = pdf(a);
  const pb = pdf(b);
  const shift = (pa - pb) / z;
  // a·φ(a) and b·φ(b) vanish at infinite bounds.
  const tails = (Number.isFinite(a) ? a * pa : 0) - (Number.isFinite(b) ? b * pb : 0);
  const variance = sigma * sigma * (1 + tails / z - shift * shift);
  return { mean: mu + sigma * shift, sd: Math.sqrt(Math.max(0, variance)) };
}

function pdf(x: number): number {
  return Number.isFinite(x) ? Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI) : 0;
}
