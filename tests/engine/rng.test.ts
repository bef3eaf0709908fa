import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { branchKey, CHUNK_SIZE } from '../../src/engine/index.js';
import { belowBit, bitsBelow, chunkKeys, drawBits, hashName, UNIT, yearKey } from '../../src/engine/rng.js';

describe('random draws', () => {
  test('are uniform: mean, variance and a 16-bin chi-square over 160,000 places', () => {
    const bins = new Array<number>(16).fill(0);
    let sum = 0;
    let sq = 0;
    const n = 160_000;
    for (let i = 0; i < n; i++) {
      const u = drawBits(yearKey(i * 7919, 1990 + (i % 13)), hashName(`ally:${i % 31}`), i % 16) * UNIT;
      sum += u;
      sq += u * u;
      bins[Math.floor(u * 16)]!++;
    }
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(sq / n - (sum / n) ** 2).toBeCloseTo(1 / 12, 2);
    const expected = n / 16;
    const chi2 = bins.reduce((s, b) => s + (b - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(37.7); // 99.9th percentile with 15 degrees of freedom
  });

  test('neighbouring places are uncorrelated (actors, purposes, years)', () => {
    const corr = (f: (i: number) => [number, number]) => {
      let sx = 0, sy = 0, sxy = 0, sxx = 0, syy = 0;
      const n = 50_000;
      for (let i = 0; i < n; i++) {
        const [x, y] = f(i);
        sx += x; sy += y; sxy += x * y; sxx += x * x; syy += y * y;
      }
      return (sxy / n - (sx / n) * (sy / n)) / Math.sqrt((sxx / n - (sx / n) ** 2) * (syy / n - (sy / n) ** 2));
    };
    const k = (i: number) => yearKey(i, 2000);
    expect(Math.abs(corr((i) => [drawBits(k(i), hashName('ally:US'), 6) * UNIT, drawBits(k(i), hashName('ally:UK'), 6) * UNIT]))).toBeLessThan(0.02);
    expect(Math.abs(corr((i) => [drawBits(k(i), hashName('ally:US'), 6) * UNIT, drawBits(k(i), hashName('ally:US'), 7) * UNIT]))).toBeLessThan(0.02);
    expect(Math.abs(corr((i) => [drawBits(yearKey(i, 2000), 5, 2) * UNIT, drawBits(yearKey(i, 2001), 5, 2) * UNIT]))).toBeLessThan(0.02);
  });

  test('a single branch key equals the one its chunk stream gives', () => {
    const keys = new Uint32Array(CHUNK_SIZE);
    chunkKeys('s', 2, keys, CHUNK_SIZE);
    expect(branchKey('s', 2 * CHUNK_SIZE + 17)).toBe(keys[17]);
  });

  test('a decision taken without a branch says what the comparison with p says, for any p', () => {
    const bits = fc.oneof(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom(0, 1, 2 ** 30, 2 ** 31 - 2, 2 ** 31 - 1));
    const p = fc.oneof(
      fc.double({ noNaN: false }),
      fc.double({ min: 0, max: 1 }),
      fc.constantFrom(0, 1, -0, 1e-12, 1 - 1e-12, 0.5, 2 ** -31, 2 ** -32, Infinity, -Infinity),
      // Exactly on a draw, and just either side of it.
      fc.integer({ min: 0, max: 2 ** 31 - 1 }).chain((b) => fc.constantFrom(b * UNIT, (b + 0.5) * UNIT, b * UNIT * (1 + 2 ** -52))),
    );
    fc.assert(
      fc.property(bits, p, (b, q) => {
        expect(belowBit(b, bitsBelow(q))).toBe(b * UNIT < q ? 1 : 0);
      }),
      { numRuns: 20_000 },
    );
  });
});
