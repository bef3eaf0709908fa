import { basename } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { BlockerRow, Results } from '../../src/model/results.js';
import { bundledFiles, load, run } from './helpers.js';

/** The blocker rows of one outcome, most frequent first. */
const rowsOf = (r: Results, outcome: string): BlockerRow[] => r.blockers.filter((b) => b.outcome === outcome);
const reasonKey = (b: { reason: { kind: string; id?: string } }) => (b.reason.id ? `${b.reason.kind}:${b.reason.id}` : b.reason.kind);

describe('historical baselines end as history did, for the reasons history gives', () => {
  test('1954: rejected at once; the US, the UK and France refuse for threat or the note\'s purpose', async () => {
    const r = await run('russia-1954');
    expect(r.outcomes.vetoed.share).toBeGreaterThan(0.75);
    expect(r.outcomes.joined.count).toBe(0);
    const top = r.blockers[0]!;
    // One of the three the reply of 1954-05-07 singles out (the rule names no one of them first).
    expect(top.outcome).toBe('vetoed');
    expect(['US', 'UK', 'FR']).toContain(top.actor);
    expect(top.meanYear).toBeLessThan(1955);
    const reasons = new Set(['threat', 'rule:big-three-reply', 'rule:propaganda-reading', 'special_status']);
    expect(reasons).toContain(reasonKey(top));
    // The Allies named as blockers are the Big Three, with one of those reasons, or, in the
    // vetoes where every Ally refuses alike and none is singled out, no Ally at all.
    const vetoes = rowsOf(r, 'vetoed');
    const bigThree = vetoes.filter((b) => ['US', 'UK', 'FR'].includes(b.actor) && reasons.has(reasonKey(b))).reduce((s, b) => s + b.share, 0);
    const alike = vetoes.filter((b) => b.actor === 'TIE').reduce((s, b) => s + b.share, 0);
    expect(bigThree / r.outcomes.vetoed.share).toBeGreaterThan(0.8);
    expect((bigThree + alike) / r.outcomes.vetoed.share).toBeGreaterThan(0.95);
    // The UK and France refuse too, in most branches, for the reason they gave.
    for (const ally of ['UK', 'FR']) {
      const share = r.objectors.filter((o) => o.ally === ally && reasons.has(reasonKey(o))).reduce((s, o) => s + o.share, 0);
      expect(share, ally).toBeGreaterThan(0.6);
    }
  });

  test('1990: dismissed - the United States and Baker\'s "dream" are the top blocker', async () => {
    const r = await run('russia-1990');
    // Before the 1995 Study the Council could vote without a readiness gate: a handful of
    // branches in 20,000 get past every Ally; membership stays out of reach.
    expect(r.outcomes.joined.share).toBeLessThan(0.001);
    const top = r.blockers[0]!;
    expect(top).toMatchObject({ outcome: 'vetoed', actor: 'US', reason: { kind: 'rule', id: 'baker-dream' } });
    expect(top.meanYear).toBeLessThan(1991);
    expect(top.share).toBeGreaterThan(0.35);
    expect(top.reason.source).toContain('S19');
  });

  test('2000: never formally applied; those that apply demand special status or stall on the criteria', async () => {
    const r = await run('russia-2000');
    expect(r.outcomes.joined.count).toBe(0);
    expect(r.outcomes.no_application.share).toBeGreaterThan(0.85);
    expect(r.funnel.find((f) => f.stage === 'applied')!.share).toBeLessThan(0.15);
    expect(r.tracks.special.count).toBeGreaterThan(r.tracks.map.count);
    // Switching off the refusal to queue is what moves the outcome most.
    const queued = await run('russia-2000-stands-in-line');
    expect(queued.outcomes.no_application.share).toBeLessThan(r.outcomes.no_application.share - 0.15);
  });

  // A branch that never applied names the rule that damped interest most, not a generic reason.
  test('2000: the top reason names Putin\'s refusal to stand in line (S31)', async () => {
    const r = await run('russia-2000');
    const top = r.blockers[0]!;
    expect(top).toMatchObject({ outcome: 'no_application', reason: { kind: 'rule', id: 'no-queue' } });
    expect(top.reason.source).toContain('S31');
  });
});

describe('counterfactuals say what they change from their baseline', () => {
  test('every counterfactual names a bundled baseline, and every decision point has one', async () => {
    const byYear = new Map<number, string[]>();
    const baselines = new Set<string>();
    for (const f of bundledFiles()) {
      const { scenario } = await load(f);
      if (scenario.baseline === undefined) {
        baselines.add(basename(f));
        continue;
      }
      expect(bundledFiles().map((p) => basename(p)), f).toContain(scenario.baseline);
      byYear.set(scenario.decisionPoint.year, [...(byYear.get(scenario.decisionPoint.year) ?? []), scenario.id]);
    }
    for (const year of [1954, 1990, 2000]) {
      expect(baselines).toContain(`russia-${year}.yaml`);
      expect(byYear.get(year)?.length ?? 0, String(year)).toBeGreaterThan(0);
    }
  });

  test('1990 common home: Washington leading makes a visibly non-zero joined share', async () => {
    const cf = await run('russia-1990-common-home', 20000);
    expect(cf.outcomes.joined.share).toBeGreaterThan(0.01);
    expect(cf.outcomes.joined.ci95[0]).toBeGreaterThan(0);
  });
});
