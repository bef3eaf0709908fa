import { describe, expect, test } from 'vitest';
import { meanInterval, studentT975 } from '../../src/analysis/design/design.js';

describe("μ*'s interval: Student's t over the trajectories", () => {
  test('t(0.975, df) is the table value', () => {
    expect(studentT975(1)).toBeCloseTo(12.7062, 3);
    expect(studentT975(7)).toBeCloseTo(2.3646, 3);
    expect(studentT975(30)).toBeCloseTo(2.0423, 3);
  });

  test('mean ± t · s / √n, not below the floor; alike values give themselves', () => {
    const [lo, hi] = meanInterval([1, 2, 3, 4, 5, 6, 7, 8]);
    const half = 2.3646 * Math.sqrt(6 / 8);
    expect(lo).toBeCloseTo(4.5 - half, 3);
    expect(hi).toBeCloseTo(4.5 + half, 3);
    expect(meanInterval([0, 0, 0, 9], 0)[0]).toBe(0);
    expect(meanInterval([2, 2, 2])).toEqual([2, 2]);
    expect(meanInterval([3])).toEqual([3, 3]);
    expect(meanInterval([])).toEqual([0, 0]);
  });

  test('eight skewed effects: it covers their true mean at least 88% of the time (a percentile bootstrap of 1,000 resamples: 84%)', () => {
    // |effects| drawn exponential with mean 1 from a seeded generator, 4,000 designs of eight.
    let state = 7;
    const unit = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) + 0.5) / 2 ** 32;
    let covered = 0;
    const trials = 4000;
    for (let t = 0; t < trials; t++) {
      const xs = Array.from({ length: 8 }, () => -Math.log(unit()));
      const [lo, hi] = meanInterval(xs, 0);
      if (lo <= 1 && 1 <= hi) covered++;
    }
    expect(covered / trials).toBeGreaterThan(0.88);
  });
});
