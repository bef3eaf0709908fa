import { describe, expect, it } from 'vitest';
import { progressLine } from '../../src/cli/progress.js';

describe('the progress line', () => {
  it('gives the share and the branches, and no guess of the time left in the first seconds', () => {
    expect(progressLine('russia-2000', 25_000, 100_000, 1500)).toBe('russia-2000: 25% (25,000 of 100,000 branches)');
  });

  it('guesses the time left at the pace so far once the run has gone on long enough to tell', () => {
    // A quarter in 5 minutes: three quarters left, 15 minutes.
    expect(progressLine('heavy', 25_000, 100_000, 5 * 60_000)).toBe('heavy: 25% (25,000 of 100,000 branches), about 15 minutes left');
    expect(progressLine('heavy', 99_000, 100_000, 99_000)).toBe('heavy: 99% (99,000 of 100,000 branches), about 1 second left');
  });

  it('makes no guess with nothing done yet, nor once everything is', () => {
    expect(progressLine('a', 0, 10, 60_000)).toBe('a: 0% (0 of 10 branches)');
    expect(progressLine('a', 10, 10, 60_000)).toBe('a: 100% (10 of 10 branches)');
  });
});
