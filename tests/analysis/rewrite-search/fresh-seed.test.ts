import { describe, expect, test } from 'vitest';
import { missesOnFreshSeed } from '../../../src/analysis/rewrite-search/fresh-seed.js';

describe('a rewrite checked on a fresh seed', () => {
  const report = (target: string, threshold: number, ci95: [number, number]): Parameters<typeof missesOnFreshSeed>[0] => ({ target, threshold, rewrite: { verification: { seed: 'fresh', runs: 1000, share: (ci95[0] + ci95[1]) / 2, ci95 } } });

  test('falls short beyond chance only when its whole interval lies on the wrong side of the target', () => {
    expect(missesOnFreshSeed(report('joined >= 5%', 0.05, [0.008, 0.03]))).toBe(true);
    expect(missesOnFreshSeed(report('joined >= 5%', 0.05, [0.03, 0.06]))).toBe(false);
    expect(missesOnFreshSeed(report('vetoed <= 50%', 0.5, [0.52, 0.6]))).toBe(true);
    expect(missesOnFreshSeed(report('vetoed <= 50%', 0.5, [0.45, 0.55]))).toBe(false);
  });
});
