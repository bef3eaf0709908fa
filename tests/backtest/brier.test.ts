import { describe, expect, test } from 'vitest';
import type { YearCount } from '../../src/model/results.js';
import type { Scenario } from '../../src/model/scenario.js';
import { handResults as results } from './helpers.js';
import { brierBinary, brierCategorical, mean, medianOf, scoreCase, shareBy, summarizeBacktests, yearQuantile } from '../../src/analysis/backtest/score.js';
import { backtestText } from '../../src/analysis/backtest/text.js';

const scenario = { id: 'hand', title: 'Hand-made', decisionPoint: { year: 1994, horizon: 2003 }, candidate: { name: 'Poland', code: 'PL' } } as unknown as Scenario;

describe('Brier scores on hand-made cases', () => {
  test('binary: certain and right is 0, certain and wrong is 1, a coin flip is 0.25', () => {
    expect(brierBinary(1, 1)).toBe(0);
    expect(brierBinary(0, 1)).toBe(1);
    expect(brierBinary(0.5, 1)).toBe(0.25);
    expect(brierBinary(0.5, 0)).toBe(0.25);
    expect(brierBinary(0.8, 1)).toBeCloseTo(0.04, 12);
  });

  test('categorical: sum of squared errors over all outcomes', () => {
    expect(brierCategorical({ joined: 1, vetoed: 0 }, 'joined')).toBe(0);
    expect(brierCategorical({ joined: 0, vetoed: 1 }, 'joined')).toBe(2);
    // (0.6 - 1)^2 + 0.3^2 + 0.1^2 = 0.16 + 0.09 + 0.01
    expect(brierCategorical({ joined: 0.6, vetoed: 0.3, withdrawn: 0.1 }, 'joined')).toBeCloseTo(0.26, 12);
    // An outcome the forecast does not list counts as forecast 0.
    expect(brierCategorical({ vetoed: 1 }, 'joined')).toBe(2);
  });

  test('the share of an outcome by a year counts only branches settled by then', () => {
    const r = results({ joined: { 1998: 20, 1999: 30, 2001: 10 }, vetoed: { 1997: 40 } });
    expect(shareBy(r, 'joined', 1999)).toBeCloseTo(0.5, 12);
    expect(shareBy(r, 'joined', 1997)).toBe(0);
    expect(shareBy(r, 'joined', 2003)).toBeCloseTo(0.6, 12);
    expect(shareBy(r, 'vetoed', 1999)).toBeCloseTo(0.4, 12);
  });

  test('year quantiles: median and tails of the accession years', () => {
    const years: YearCount[] = [
      { year: 1999, count: 30, share: 0 },
      { year: 1998, count: 20, share: 0 },
      { year: 2001, count: 10, share: 0 },
    ];
    expect(yearQuantile(years, 0.5)).toBe(1999);
    expect(yearQuantile(years, 0.1)).toBe(1998);
    expect(yearQuantile(years, 0.9)).toBe(2001);
    expect(yearQuantile([], 0.5)).toBeNull();
  });

  test('a case is scored on the observed outcome within the observed time', () => {
    const r = results({ joined: { 1998: 20, 1999: 30, 2001: 10 }, vetoed: { 1997: 40 } });
    const c = scoreCase(scenario, { outcome: 'joined', year: 1999, source: 'S7' }, r);
    expect(c.pObserved).toBeCloseTo(0.5, 12);
    expect(c.pObservedByHorizon).toBeCloseTo(0.6, 12);
    expect(c.brier).toBeCloseTo(0.25, 12);
    // joined 0.6, vetoed 0.4: (0.6 - 1)^2 + 0.4^2 = 0.32
    expect(c.brierOutcomes).toBeCloseTo(0.32, 12);
    expect(c.predictedYear).toEqual({ median: 1999, p10: 1998, p90: 2001 });
    expect(c.yearsToAccession).toEqual({ predicted: 5, observed: 5 });
    expect(c.mostLikely).toBe('joined');
    expect(c.pObservedCi95[0]).toBeLessThan(0.5);
    expect(c.pObservedCi95[1]).toBeGreaterThan(0.5);
  });

  test('over all cases the Brier score is the mean of the cases', () => {
    const good = scoreCase(scenario, { outcome: 'joined', year: 1999, source: 'x' }, results({ joined: { 1999: 90 }, vetoed: { 1997: 10 } }));
    const bad = scoreCase(scenario, { outcome: 'joined', year: 1999, source: 'x' }, results({ joined: { 2002: 50 }, vetoed: { 1997: 50 } }));
    const report = summarizeBacktests([good, bad], { seed: 's', runs: 100 });
    // good: (1 - 0.9)^2 = 0.01; bad: joined only after 1999, so (1 - 0)^2 = 1.
    expect(good.brier).toBeCloseTo(0.01, 12);
    expect(bad.brier).toBe(1);
    expect(report.brier).toBeCloseTo(0.505, 12);
    expect(report.meanYearError).toBeCloseTo((0 + 3) / 2, 12);
    expect(summarizeBacktests([], { seed: 's', runs: 1 }).brier).toBeNull();
    expect(mean([])).toBeNull();
  });

  test("where the time goes: in the branches that joined, the invitation against the record, then each branch's own months to membership", () => {
    // The branches that joined were invited in 1997-07 (40) or 1997-12 (60): median 1997-12.
    // Each took 13 months (30 of them) or 15 (70) from its invitation to membership: median 15.
    // The record: invited 1997-07-08, member 1999-03-12, 20 months later.
    const joined = (months: Record<string, number>, lags: Record<number, number>) => ({
      ...results({ joined: { 1999: 100 } }),
      accessionMonths: [{ month: '1999-01', count: 100, share: 1 }],
      invitationMonths: Object.entries(months).map(([month, count]) => ({ month, count, share: count / 100 })),
      invitationToMembership: Object.entries(lags).map(([m, count]) => ({ months: Number(m), count, share: count / 100 })),
    });
    const observed = { outcome: 'joined' as const, year: 1999, date: '1999-03-12', invited: { date: '1997-07-08', source: 'S7' }, source: 'S7' };
    const late = scoreCase(scenario, observed, joined({ '1997-07': 40, '1997-12': 60 }, { 13: 30, 15: 70 }));
    expect(late.predictedInvitation).toEqual({ median: '1997-12', p10: '1997-07', p90: '1997-12' });
    expect(late.observedInvitation).toBe('1997-07-08');
    expect(late.invitationError).toBe(5);
    expect(late.predictedLag).toEqual({ median: 15, p10: 13, p90: 15 });
    expect(late.observedLag).toBe(20);
    expect(late.lagError).toBe(-5);
    // Not the difference of two medians over different branches: the accession error is −2 here.
    expect(late.monthError).toBe(-2);
    const onTime = scoreCase(scenario, observed, joined({ '1997-07': 100 }, { 20: 100 }));
    expect([onTime.invitationError, onTime.lagError]).toEqual([0, 0]);
    // A case without an observed invitation has no error to it, and is left out of the split.
    const undated = scoreCase(scenario, { outcome: 'joined', year: 1999, date: '1999-03-12', source: 'S7' }, joined({ '1997-07': 100 }, { 20: 100 }));
    expect([undated.invitationError, undated.observedLag, undated.lagError]).toEqual([null, null, null]);
    expect(undated.predictedInvitation).not.toBeNull();
    const report = summarizeBacktests([late, onTime, undated], { seed: 's', runs: 100 });
    // Invitation errors 5 and 0: median 2.5 late; after the invitation −5 and 0: median 2.5 shorter.
    expect(report.timeSplit).toEqual({ cases: 2, invitationError: 2.5, afterInvitation: -2.5 });
    const text = backtestText(report);
    expect(text).toContain('Median over the 2 cases with both dates: invited 2.5 months late; from the invitation to membership (protocol, ratification, deposit) 2.5 months shorter than on record.');
    expect(text).toMatch(/hand +1997-12 \(1997-07 to 1997-12\) +1997-07 +\+5 +15 \(13-15\) +20 +-5/);
    // No observed invitation anywhere: no section.
    expect(backtestText(summarizeBacktests([undated], { seed: 's', runs: 100 }))).not.toContain('Where the time goes');
    expect(medianOf([3, 1, 2])).toBe(2);
    expect(medianOf([])).toBeNull();
  });
});

