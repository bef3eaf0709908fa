import { describe, expect, test } from 'vitest';
import { fastNormalQuantile, normalCdf, normalQuantile } from '../../src/engine/normal.js';
import { wilson } from '../../src/engine/stats.js';
import { paramAt, sampleParams, ParamTable } from '../../src/engine/params.js';
import { betaQuantile, regularizedBeta } from '../../src/engine/beta-quantile.js';
import type { Distribution } from '../../src/model/distribution.js';

describe('numerics', () => {
  test('normal quantile and CDF invert each other', () => {
    for (const p of [1e-6, 0.001, 0.025, 0.3, 0.5, 0.8, 0.975, 0.999999]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
  });

  test('the table quantile stays within 2e-4 of the exact one', () => {
    let worst = 0;
    for (let i = 1; i < 200_000; i++) worst = Math.max(worst, Math.abs(fastNormalQuantile(i / 200_000) - normalQuantile(i / 200_000)));
    expect(worst).toBeLessThan(2e-4);
  });

  test('Wilson interval: known values and edge cases', () => {
    const [lo, hi] = wilson(50, 100);
    expect(lo).toBeCloseTo(0.4038, 4);
    expect(hi).toBeCloseTo(0.5962, 4);
    expect(wilson(0, 10)[0]).toBe(0);
    expect(wilson(10, 10)[1]).toBe(1);
    expect(wilson(0, 0)).toEqual([0, 1]);
  });

  const moments = (dist: Distribution, n = 40_000) => {
    const table = new ParamTable();
    const slot = table.add('x', { dist });
    const frozen = table.freeze();
    const values = new Float64Array(1);
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let k = 0; k < n; k++) {
      sampleParams(frozen, (k * 2654435761) >>> 0, values);
      const v = values[slot]!;
      sum += v;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return { mean: sum / n, min, max };
  };

  test.each<[Distribution, number, number, number]>([
    [{ kind: 'uniform', min: 0.2, max: 0.6 }, 0.4, 0.2, 0.6],
    [{ kind: 'triangular', min: 0, mode: 0.3, max: 0.9 }, 0.4, 0, 0.9],
    [{ kind: 'beta', alpha: 2, beta: 5, min: 0, max: 1 }, 2 / 7, 0, 1],
    [{ kind: 'beta', alpha: 0.5, beta: 0.5, min: 0.1, max: 0.3 }, 0.2, 0.1, 0.3],
    [{ kind: 'normal', mean: 0.5, sd: 0.1, min: 0.3, max: 0.9 }, 0.5036, 0.3, 0.9],
    // An sd far wider than the bounds is flat between them: it drew 13.5 and 1e290 from [0, 1].
    [{ kind: 'normal', mean: 0.5, sd: 1e9, min: 0, max: 1 }, 0.5, 0, 1],
    [{ kind: 'normal', mean: 0.2, sd: 1e300, min: 0, max: 1 }, 0.5, 0, 1],
    [{ kind: 'normal', mean: 0.5, sd: 0.002, min: 0.499, max: 0.501 }, 0.5, 0.499, 0.501],
    // The shapes a file may give, at both ends: mass at 0 and 1 half each, then nearly a point.
    [{ kind: 'beta', alpha: 0.01, beta: 0.01, min: 0, max: 1 }, 0.5, 0, 1],
    [{ kind: 'beta', alpha: 1e6, beta: 1e6, min: 0, max: 1 }, 0.5, 0.49, 0.51],
    [{ kind: 'bernoulli', p: 0.3 }, 0.3, 0, 1],
  ])('sampling %o has the right mean and stays in range', (dist, mean, lo, hi) => {
    const m = moments(dist);
    expect(m.mean).toBeCloseTo(mean, 2);
    expect(m.min).toBeGreaterThanOrEqual(lo);
    expect(m.max).toBeLessThanOrEqual(hi);
  });

  test('the Beta distribution function and its inverse: known values', () => {
    expect(regularizedBeta(0.5, 2, 2)).toBeCloseTo(0.5, 12);
    // I_x(1, b) = 1 − (1 − x)^b and I_x(a, 1) = x^a.
    expect(regularizedBeta(0.3, 1, 4)).toBeCloseTo(1 - 0.7 ** 4, 12);
    expect(regularizedBeta(0.3, 2.5, 1)).toBeCloseTo(0.3 ** 2.5, 12);
    // Beta(1/2, 1/2) is the arcsine law: F(x) = (2/π)·asin(√x).
    expect(regularizedBeta(0.2, 0.5, 0.5)).toBeCloseTo((2 / Math.PI) * Math.asin(Math.sqrt(0.2)), 10);
    for (const u of [0.001, 0.1, 0.5, 0.9, 0.999]) expect(regularizedBeta(betaQuantile(2, 5, u), 2, 5)).toBeCloseTo(u, 9);
    // Shapes a file may give, however extreme, keep the quantile in [0, 1] and at the mean when all the mass is there.
    for (const [a, b] of [[1e-6, 1e-6], [1e6, 1e6], [1e300, 1], [1, 1e300], [1e300, 1e300]] as const) {
      for (const u of [0.001, 0.5, 0.999]) {
        const x = betaQuantile(a, b, u);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
      }
    }
    expect(betaQuantile(1e300, 1e300, 0.9)).toBeCloseTo(0.5, 6);
    expect(betaQuantile(1e6, 1e6, 0.5)).toBeCloseTo(0.5, 6);
  });

  // The quantile a copula uses must give the same distribution as a draw on its own.
  test.each<Distribution>([
    { kind: 'uniform', min: 0.2, max: 0.6 },
    { kind: 'triangular', min: 3, mode: 10, max: 15 },
    { kind: 'triangular', min: 0, mode: 0, max: 2 },
    { kind: 'beta', alpha: 2, beta: 5, min: 0, max: 1 },
    { kind: 'beta', alpha: 0.5, beta: 0.5, min: 0.1, max: 0.3 },
    { kind: 'normal', mean: 0.5, sd: 0.1, min: 0.3, max: 0.9 },
    { kind: 'bernoulli', p: 0.3 },
  ])('a parameter taken at a quantile (%o) follows the distribution it is sampled from', (dist) => {
    const table = new ParamTable();
    const slot = table.add('x', { dist });
    const frozen = table.freeze();
    const n = 4000;
    const atQuantiles = Array.from({ length: n }, (_, k) => paramAt(frozen, slot, (k + 0.5) / n)).sort((a, b) => a - b);
    const values = new Float64Array(1);
    const sampled = Array.from({ length: 40_000 }, (_, k) => {
      sampleParams(frozen, (k * 2654435761) >>> 0, values);
      return values[slot]!;
    }).sort((a, b) => a - b);
    // Non-decreasing in u, and the same deciles as the sampler's.
    for (let k = 1; k < n; k++) expect(atQuantiles[k]!).toBeGreaterThanOrEqual(atQuantiles[k - 1]!);
    const spread = sampled[sampled.length - 1]! - sampled[0]!;
    for (const q of [0.1, 0.25, 0.5, 0.75, 0.9]) {
      expect(Math.abs(atQuantiles[Math.floor(q * n)]! - sampled[Math.floor(q * sampled.length)]!)).toBeLessThanOrEqual(0.02 * spread + 1e-12);
    }
  });
});
