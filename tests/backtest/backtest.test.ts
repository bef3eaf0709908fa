import { describe, expect, test } from 'vitest';
import { runBacktests } from '../../src/analysis/backtest/run.js';
import { OUTCOMES } from '../../src/model/outcome.js';
import { backtestText } from '../../src/analysis/backtest/text.js';
import { backtestFiles, load } from './helpers.js';

/** Every numeric value of a loaded scenario is a Param ({ dist, source? }): find those without a source. */
function unsourced(value: unknown, path: string, out: string[]): string[] {
  if (value === null || typeof value !== 'object') return out;
  if ('dist' in value) {
    const source = (value as { source?: unknown }).source;
    if (typeof source !== 'string' || source.trim() === '') out.push(path);
    return out;
  }
  for (const [k, v] of Object.entries(value)) unsourced(v, `${path}.${k}`, out);
  return out;
}

describe('backtests: real accessions from the record', () => {
  test('at least Poland, Hungary, the Czech Republic and North Macedonia, each with what happened and its source', async () => {
    const files = backtestFiles();
    const ids = [];
    for (const f of files) {
      const { scenario } = await load(f);
      ids.push(scenario.id);
      expect(scenario.observed, f).toBeDefined();
      expect(OUTCOMES).toContain(scenario.observed!.outcome);
      expect(scenario.observed!.source.length, f).toBeGreaterThan(2);
      expect(scenario.observed!.year).toBeGreaterThanOrEqual(scenario.decisionPoint.year);
      expect(scenario.observed!.year).toBeLessThanOrEqual(scenario.decisionPoint.horizon);
      // The candidate is data: not Russia.
      expect(scenario.candidate.code).not.toBe('RU');
    }
    for (const id of ['poland-1999', 'hungary-1999', 'czech-republic-1999', 'north-macedonia-2020']) expect(ids).toContain(`backtest-${id}`);
  });

  test('every value in a backtest names its source', async () => {
    for (const f of backtestFiles()) {
      const { scenario } = await load(f);
      const own = { ...scenario, allies: scenario.allies.filter((a) => !a.defaulted) };
      expect(unsourced(own, scenario.id, []), f).toEqual([]);
    }
  });

  test('the backtest runs with a fixed seed and scores every case', async () => {
    const inputs = [];
    for (const f of backtestFiles()) inputs.push(await load(f));
    const report = await runBacktests(inputs, { seed: 'issue-5', runs: 3000, workers: 1 });
    expect(report.cases).toHaveLength(inputs.length);
    for (const c of report.cases) {
      expect(c.pObserved).toBeGreaterThanOrEqual(0);
      expect(c.pObserved).toBeLessThanOrEqual(c.pObservedByHorizon + 1e-12);
      expect(c.brier).toBeCloseTo((1 - c.pObserved) ** 2, 12);
      if (c.observed.outcome === 'joined') expect(c.yearsToAccession?.observed).toBe(c.observed.year - c.decisionYear);
    }
    expect(report.brier).toBeCloseTo(report.cases.reduce((s, c) => s + c.brier, 0) / report.cases.length, 12);
    // The real accessions are not ruled out: each joins in a visible share of branches.
    for (const c of report.cases.filter((c) => c.observed.outcome === 'joined')) expect(c.joinedByHorizon, c.scenario).toBeGreaterThan(0.05);
    // Same seed, same figures.
    const again = await runBacktests(inputs.slice(0, 1), { seed: 'issue-5', runs: 3000, workers: 1 });
    expect(again.cases[0]).toEqual(report.cases[0]);
    const text = backtestText(report);
    expect(text).toContain('Brier score over');
    for (const c of report.cases) expect(text).toContain(c.scenario);
  });
});
