import { describe, expect, test } from 'vitest';
import { decideWork, roughDuration, scientific, WORK_LIMITS, workLine } from '../../src/batch/work-limits.js';

/**
 * The decision every command takes before its first branch, in-process at any size: nothing
 * runs here, so the sizes can be the absurd ones a typo produces.
 */
describe('the work budget', () => {
  const sweep = (points: number, runs: number) => ({ command: 'sweep', made: `${points} points × ${runs} branches`, branches: points * runs, smaller: 'fewer points' });

  test('10,000 points × 10^9 branches is refused, saying its size, the budget and how to go ahead', () => {
    const d = decideWork(sweep(10_000, 1e9), false);
    expect(d.refusal).toContain('sweep: 10000 points × 1000000000 branches = 1.0e13 branches');
    expect(d.refusal).toContain(`over the budget of ${scientific(WORK_LIMITS.maxBranches)} branches`);
    expect(d.refusal).toContain('days');
    expect(d.refusal).toContain('--yes');
    expect(d.refusal).toContain('fewer points');
  });

  test('--yes lets a run over the budget start, and its size is still stated', () => {
    const d = decideWork(sweep(10_001, 1e6), true);
    expect(d.refusal).toBeUndefined();
    expect(d.announce).toBe('sweep: 10001 points × 1000000 branches = 1.0e10 branches');
  });

  test('exactly the budget runs without --yes; one branch more does not', () => {
    expect(decideWork({ command: 'run', branches: WORK_LIMITS.maxBranches }, false).refusal).toBeUndefined();
    expect(decideWork({ command: 'run', branches: WORK_LIMITS.maxBranches + 1 }, false).refusal).toMatch(/^run: 10,000,000,001 branches: over the budget/);
  });

  test('small work says nothing; from the announcement size on, one line', () => {
    expect(decideWork(sweep(12, 20_000), false)).toEqual({});
    expect(decideWork({ command: 'run', branches: WORK_LIMITS.announceBranches - 1 }, false)).toEqual({});
    expect(decideWork({ command: 'run', branches: WORK_LIMITS.announceBranches }, false)).toEqual({ announce: workLine({ command: 'run', branches: WORK_LIMITS.announceBranches }) });
  });

  test('a discovery whose hypercube would not fit the memory budget is refused even with few branches', () => {
    const d = decideWork({ command: 'discover', made: '1000000 samples × 1 branch', branches: 1e6, designValues: 145e6 }, false);
    expect(d.refusal).toContain('145,000,000 values (1,160 MB)');
    expect(d.refusal).not.toContain('over the budget of 1.0e10 branches');
    expect(decideWork({ command: 'discover', branches: 1e6, designValues: 145e6 }, true).refusal).toBeUndefined();
    expect(decideWork({ command: 'discover', branches: 1e6, designValues: WORK_LIMITS.maxDesignValues }, false).refusal).toBeUndefined();
  });

  test('durations read at a glance', () => {
    expect(roughDuration(0.2)).toBe('1 second');
    expect(roughDuration(2)).toBe('2 seconds');
    expect(roughDuration(30)).toBe('30 seconds');
    expect(roughDuration(40 * 60)).toBe('40 minutes');
    expect(roughDuration(9000)).toBe('2.5 hours');
    expect(roughDuration(5e6)).toBe('58 days');
    expect(roughDuration(5e8)).toBe('16 years');
  });
});
