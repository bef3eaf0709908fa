import { describe, expect, test } from 'vitest';
import type { Results } from '../../src/model/results.js';
import type { ObservedOutcome, Scenario } from '../../src/model/scenario.js';
import { scoreCase, summarizeBacktests } from '../../src/analysis/backtest/score.js';
import { handResults } from './helpers.js';
import { wilson } from '../../src/engine/index.js';
import { eraOf, LOG_SCORE_FLOOR, logScore, referenceForecast, reliability, skill, type CaseRecord } from '../../src/analysis/backtest/scores.js';

/** A hand-made run of `runs` branches: `joined` gives the branches that joined in each year; the rest stalled at the horizon. */
function results(runs: number, joined: Record<number, number>, horizon: number): Results {
  const rest = runs - Object.values(joined).reduce((a, b) => a + b, 0);
  return handResults({ joined, map_stalled: rest > 0 ? { [horizon]: rest } : {} });
}

const scenario = (id: string, year: number, horizon: number) =>
  ({ id, title: id, decisionPoint: { year, horizon }, candidate: { name: id, code: 'XX' } }) as unknown as Scenario;

describe('log score, skill and eras', () => {
  test('the log score is -ln p, floored at 0.001 so a case ruled out scores ln 1000, not infinity', () => {
    expect(logScore(1)).toBe(0);
    expect(logScore(0.5)).toBeCloseTo(Math.LN2, 12);
    expect(LOG_SCORE_FLOOR).toBe(0.001);
    expect(logScore(0)).toBeCloseTo(Math.log(1000), 12);
    expect(logScore(0.0001)).toBe(logScore(0));
    expect(logScore(0.002)).toBeCloseTo(-Math.log(0.002), 12);
  });

  test('skill is 1 - score / reference: positive better, 0 as good, negative worse', () => {
    expect(skill(0.1, 0.2)).toBeCloseTo(0.5, 12);
    expect(skill(0.2, 0.2)).toBe(0);
    expect(skill(0.3, 0.2)).toBeCloseTo(-0.5, 12);
    expect(skill(0, 0.25)).toBe(1);
    expect(skill(null, 0.2)).toBeNull();
    expect(skill(0.1, null)).toBeNull();
    expect(skill(0.1, 0)).toBeNull();
  });

  test('the era is that of the decision year, with the boundaries of 1995, 1999 and 2022', () => {
    expect(eraOf(1950)).toBe('1949-1994');
    expect(eraOf(1994)).toBe('1949-1994');
    expect(eraOf(1995)).toBe('1995-1998');
    expect(eraOf(1998)).toBe('1995-1998');
    expect(eraOf(1999)).toBe('1999-2021');
    expect(eraOf(2021)).toBe('1999-2021');
    expect(eraOf(2022)).toBe('2022-');
  });
});

describe('the reference forecast: the rule of succession over the other cases of the era', () => {
  const rec = (era: CaseRecord['era'], decisionYear: number, horizon: number, yearsToJoin: number | null, candidate = `C${decisionYear}-${yearsToJoin}`, coCandidates: string[] = []): CaseRecord => ({
    era,
    decisionYear,
    horizon,
    yearsToJoin,
    observedAfter: yearsToJoin ?? horizon - decisionYear,
    candidate,
    coCandidates,
  });
  // Three joined after 1, 2 and 5 years; one did not join in a 12-year window; one did not in a 1-year window.
  const cases = [
    rec('1999-2021', 2000, 2010, 1),
    rec('1999-2021', 2000, 2010, 2),
    rec('1999-2021', 2000, 2010, 5),
    rec('1999-2021', 2008, 2020, null),
    rec('1999-2021', 2010, 2011, null),
    rec('2022-', 2022, 2026, 1),
  ];

  test('a joined case: how many others were members within its own time', () => {
    // Joined after 2 years. Others answering: 1 (yes), 5 (no), the 12-year non-member (no), the
    // 1-year window (too short to answer): n = 3, k = 1.
    expect(referenceForecast(cases, 1)).toBeCloseTo(2 / 5, 12);
    // Joined after 1 year: 2 and 5 (no), 12-year (no), 1-year window (no): n = 4, k = 0.
    expect(referenceForecast(cases, 0)).toBeCloseTo(1 / 6, 12);
  });

  test('a case that did not join: how many others were still not members after its window', () => {
    // 12 years: every joined case joined within 12 (no), the 1-year window cannot answer: n = 3, k = 0.
    expect(referenceForecast(cases, 3)).toBeCloseTo(1 / 5, 12);
    // 1 year: joined after 1 (no), after 2 and 5 (yes), the 12-year non-member (yes): n = 4, k = 3.
    expect(referenceForecast(cases, 4)).toBeCloseTo(4 / 6, 12);
  });

  test('a case alone in its era gets 1/2', () => {
    expect(referenceForecast(cases, 5)).toBe(0.5);
  });

  test("a co-candidate's case is no other case: invited in the same round, it would answer for this one", () => {
    // Two co-candidates that joined after 2 years, named by either file, and one other case.
    const round = [rec('2022-', 2022, 2026, 2, 'FI', ['SE']), rec('2022-', 2022, 2026, 2, 'SE'), rec('2022-', 2022, 2026, 3, 'XX')];
    // Only XX answers, and it was not a member within 2 years: n = 1, k = 0.
    expect(referenceForecast(round, 0)).toBeCloseTo(1 / 3, 12);
    expect(referenceForecast(round, 1)).toBeCloseTo(1 / 3, 12);
    // XX, a member after 3 years, is no co-candidate: FI and SE both answer, and both were members within 3 years: n = 2, k = 2.
    expect(referenceForecast(round, 2)).toBeCloseTo(3 / 4, 12);
  });
});

describe('reliability: forecasts bucketed against what happened', () => {
  test('each forecast falls in one bucket, a bucket edge in the upper one, 100% in the last', () => {
    const rows = reliability([
      [
        { year: 1, p: 0.05, observed: 0 },
        { year: 2, p: 0.3, observed: 0 },
        { year: 3, p: 1, observed: 1 },
      ],
      [
        { year: 1, p: 0.05, observed: 1 },
        { year: 2, p: 0.95, observed: 1 },
      ],
    ]);
    expect(rows.map((r) => [r.from, r.to])).toEqual([
      [0, 0.1],
      [0.1, 0.3],
      [0.3, 0.5],
      [0.5, 0.7],
      [0.7, 0.9],
      [0.9, 1],
    ]);
    expect(rows[0]).toEqual({ from: 0, to: 0.1, pairs: 2, cases: 2, meanForecast: 0.05, observedFrequency: 0.5 });
    expect(rows[1]).toMatchObject({ pairs: 0, cases: 0, meanForecast: null, observedFrequency: null });
    expect(rows[2]).toMatchObject({ pairs: 1, cases: 1, meanForecast: 0.3, observedFrequency: 0 });
    expect(rows[5]!.pairs).toBe(2);
    expect(rows[5]!.meanForecast).toBeCloseTo(0.975, 12);
    expect(rows[5]!.observedFrequency).toBe(1);
  });
});

describe('a report over hand-made cases', () => {
  const observed = (o: ObservedOutcome & { date?: string }) => o;
  // A 1999 case forecast to join in 2000 (half) or 2001 (a quarter), observed 2001-03-12.
  const early = scoreCase(scenario('early', 1999, 2002), observed({ outcome: 'joined', year: 2001, date: '2001-03-12', source: 'x' }), results(100, { 2000: 50, 2001: 25 }, 2002));
  // A 2022 case observed not to join by 2024; no branch joins.
  const never = scoreCase(scenario('never', 2022, 2024), { outcome: 'map_stalled', year: 2024, source: 'x' }, results(100, {}, 2024));
  const report = summarizeBacktests([early, never], { seed: 's', runs: 100 });

  test('each case: its era, its observed date, its log score and its yearly forecasts', () => {
    expect(early.era).toBe('1999-2021');
    expect(early.observedDate).toBe('2001-03-12');
    expect(never.observedDate).toBeNull();
    expect(early.pObserved).toBeCloseTo(0.75, 12);
    expect(early.logScore).toBeCloseTo(-Math.log(0.75), 12);
    expect(never.pObserved).toBe(1);
    expect(never.logScore).toBe(0);
    expect(early.memberByYear).toEqual([
      { year: 1999, p: 0, observed: 0 },
      { year: 2000, p: 0.5, observed: 0 },
      { year: 2001, p: 0.75, observed: 1 },
      { year: 2002, p: 0.75, observed: 1 },
    ]);
    expect(never.memberByYear.map((f) => f.observed)).toEqual([0, 0, 0]);
  });

  test('overall and per era: the scores, the reference and the skill', () => {
    // Each case is alone in its era: the reference says 1/2 for both.
    expect(report.cases.map((c) => c.reference?.p)).toEqual([0.5, 0.5]);
    expect(report.brier).toBeCloseTo((0.0625 + 0) / 2, 12);
    expect(report.referenceBrier).toBeCloseTo(0.25, 12);
    expect(report.brierSkill).toBeCloseTo(1 - 0.03125 / 0.25, 12);
    expect(report.logScore).toBeCloseTo(-Math.log(0.75) / 2, 12);
    expect(report.referenceLogScore).toBeCloseTo(Math.LN2, 12);
    expect(report.logSkill).toBeCloseTo(1 - -Math.log(0.75) / 2 / Math.LN2, 12);
    expect(report.byEra.map((e) => [e.era, e.cases])).toEqual([
      ['1949-1994', 0],
      ['1995-1998', 0],
      ['1999-2021', 1],
      ['2022-', 1],
    ]);
    const map = report.byEra[2]!;
    expect(map.brier).toBeCloseTo(0.0625, 12);
    expect(map.brierSkill).toBeCloseTo(1 - 0.0625 / 0.25, 12);
    // Predicted median 2000 (50 of 75 joined branches by then), observed 2001.
    expect(map.meanYearError).toBe(1);
    expect(report.byEra[0]).toMatchObject({ cases: 0, brier: null, logScore: null, brierSkill: null, logSkill: null });
    expect(report.logScoreFloor).toBe(LOG_SCORE_FLOOR);
  });

  test('the reliability table counts every year of every case', () => {
    expect(report.reliability.reduce((s, r) => s + r.pairs, 0)).toBe(4 + 3);
    // The four forecasts of 0: one from early (1999), three from never; none came true.
    expect(report.reliability[0]).toMatchObject({ pairs: 4, cases: 2, meanForecast: 0, observedFrequency: 0 });
    expect(report.reliability[5]!.pairs).toBe(0);
  });

  test("a case that did not join has its interval around its own forecast, not around the joined share", () => {
    // 30 of 100 branches joined by 2002: the candidacy observed still outside then was forecast at 0.7.
    const outside = scoreCase(scenario('outside', 1999, 2002), { outcome: 'map_stalled', year: 2002, source: 'x' }, results(100, { 2000: 30 }, 2002));
    expect(outside.pObserved).toBeCloseTo(0.7, 12);
    expect(outside.pObservedCi95).toEqual(wilson(70, 100));
    expect(outside.pObservedCi95[0]).toBeLessThan(0.7);
    expect(outside.pObservedCi95[1]).toBeGreaterThan(0.7);
  });

  test('a predicted month exactly 12 months from the record counts as within 12 months; 13 does not', () => {
    // Every branch joins in January 2001 (hand-made months fall in January).
    const joinedIn2001 = results(100, { 2001: 100 }, 2002);
    const at = (date: string, year: number) => scoreCase(scenario(date, 1999, 2002), { outcome: 'joined', year, date, source: 'x' }, joinedIn2001);
    const cases = [at('2000-01-15', 2000), at('2002-01-20', 2002), at('1999-12-03', 1999)];
    expect(cases.map((c) => c.monthError)).toEqual([12, -12, 13]);
    const report = summarizeBacktests(cases, { seed: 's', runs: 100 });
    expect(report.datedJoinedCases).toBe(3);
    expect(report.withinTwelveMonths).toBe(2);
    expect(report.meanMonthError).toBeCloseTo(37 / 3, 12);
  });
});
