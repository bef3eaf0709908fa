import { describe, expect, test } from 'vitest';
import { fastNormalQuantile, normalCdf, normalQuantile } from '../../src/engine/normal.js';
import { wilson } from '../../src/engine/stats.js';
import { sampleParams, ParamTable } from '../../src/engine/params.js';
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
    [{ kind: 'bernoulli', p: 0.3 }, 0.3, 0, 1],
  ])('sampling %o has the right mean and stays in range', (dist, mean, lo, hi) => {
    const m = moments(dist);
    expect(m.mean).toBeCloseTo(mean, 2);
    expect(m.min).toBeGreaterThanOrEqual(lo);
    expect(m.max).toBeLessThanOrEqual(hi);
  });
});
