import { describe, expect, test } from 'vitest';
import { fixed, type Distribution } from '../../src/model/distribution.js';
import type { Scenario } from '../../src/model/scenario.js';
import { assumptionDiff } from '../../src/analysis/rewrite/assumptions.js';
import { moments } from '../../src/analysis/rewrite/moments.js';
import { rewriteDistance } from '../../src/analysis/rewrite/rewrite-distance.js';
import { getParam, setParam } from '../../src/scenario/param-paths.js';
import { scenario as bundled, scenarioText as fromText } from './helpers.js';

/** Mean and sd by numeric integration of a density on [lo, hi]. */
function integrate(density: (x: number) => number, lo: number, hi: number): { mean: number; sd: number } {
  const n = 200_000;
  const h = (hi - lo) / n;
  let m0 = 0;
  let m1 = 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const x = lo + (i + 0.5) * h;
    const f = density(x) * h;
    m0 += f;
    m1 += f * x;
    m2 += f * x * x;
  }
  const mean = m1 / m0;
  return { mean, sd: Math.sqrt(m2 / m0 - mean * mean) };
}

describe('moments of parameter distributions', () => {
  const cases: [Distribution, (x: number) => number, number, number][] = [
    [{ kind: 'uniform', min: 0.2, max: 0.6 }, () => 1, 0.2, 0.6],
    [{ kind: 'triangular', min: 0.02, mode: 0.08, max: 0.2 }, (x) => (x < 0.08 ? (x - 0.02) / 0.06 : (0.2 - x) / 0.12), 0.02, 0.2],
    [{ kind: 'normal', mean: 0.3, sd: 0.2, min: 0, max: 1 }, (x) => Math.exp(-0.5 * ((x - 0.3) / 0.2) ** 2), 0, 1],
    [{ kind: 'beta', alpha: 2, beta: 5, min: 0, max: 1 }, (x) => x * (1 - x) ** 4, 0, 1],
  ];
  test.each(cases)('%o', (d, density, lo, hi) => {
    const expected = integrate(density, lo, hi);
    const got = moments(d);
    expect(got.mean).toBeCloseTo(expected.mean, 5);
    expect(got.sd).toBeCloseTo(expected.sd, 5);
  });
});

describe('rewrite distance', () => {
  test('a scenario against itself is exactly 0', async () => {
    for (const name of ['russia-1954', 'russia-1990', 'russia-2000', 'russia-2000-istanbul-kept']) {
      const s = await bundled(name);
      const r = rewriteDistance(s, s);
      expect(r.score).toBe(0);
      expect([r.changes, r.switches, r.other]).toEqual([[], [], []]);
    }
  });

  test('grows with each change', async () => {
    const base = await bundled('russia-2000');
    const steps: ((s: Scenario) => Scenario)[] = [
      (s) => setParam(s, 'candidate.acceptsStandardPath', fixed(0.5))!,
      (s) => setParam(s, 'allies.US.consent', fixed(0.9))!,
      (s) => ({ ...s, rules: s.rules.map((r) => (r.id === 'istanbul-link' ? { ...r, enabled: false } : r)) }),
      (s) => ({ ...s, events: s.events.map((e) => (e.id === 'georgia-war' ? { ...e, enabled: false } : e)) }),
      (s) => setParam(s, 'preconditions.istanbul.level', fixed(0.9))!,
      (s) => ({ ...s, decisionPoint: { ...s.decisionPoint, horizon: s.decisionPoint.horizon + 2 } }),
      // The structural choices that are not numbers count too: the procedure, the co-candidates, the date.
      (s) => ({ ...s, process: { ...s.process, procedure: 'council' } }),
      (s) => ({ ...s, candidate: { ...s.candidate, coCandidates: ['UA'] } }),
      (s) => ({ ...s, decisionPoint: { ...s.decisionPoint, date: '2000-09-01' } }),
    ];
    let s = base;
    let last = 0;
    for (const step of steps) {
      s = step(s);
      const score = rewriteDistance(base, s).score;
      expect(score).toBeGreaterThan(last);
      last = score;
    }
  });

  test('names the procedure and the co-candidates a counterfactual changes, in any order of co-candidates', async () => {
    const base = await bundled('russia-2000');
    const council: Scenario = { ...base, process: { ...base.process, procedure: 'council' } };
    expect(assumptionDiff(base, council).other).toEqual([{ path: 'process.procedure', from: 'of each year', to: 'council' }]);
    // Naming the procedure every year is run under anyway changes nothing (2000-2012 is all MAP).
    const map: Scenario = { ...base, process: { ...base.process, procedure: 'map' } };
    expect(assumptionDiff(base, map).other).toEqual([]);
    expect(rewriteDistance(base, map).score).toBe(0);
    const two = (codes: string[]): Scenario => ({ ...base, candidate: { ...base.candidate, coCandidates: codes } });
    expect(assumptionDiff(two(['UA', 'GE']), two(['GE', 'UA'])).other).toEqual([]);
    expect(assumptionDiff(base, two(['UA'])).other).toEqual([{ path: 'candidate.coCandidates', from: 'none', to: 'UA' }]);
  });

  test('measures a change in sd of the baseline distribution, or in the default scale for a fixed value', async () => {
    const base = await bundled('russia-2000');
    const sd = moments(getParam(base, 'candidate.acceptsStandardPath')!.dist).sd;
    const mean = moments(getParam(base, 'candidate.acceptsStandardPath')!.dist).mean;
    // Same mean and sd as the baseline, other shape: still a change only if moments move.
    const oneSd = setParam(base, 'candidate.acceptsStandardPath', { dist: { kind: 'normal', mean: mean + sd, sd, min: -10, max: 10 } })!;
    const r = rewriteDistance(base, oneSd);
    expect(r.changes).toHaveLength(1);
    expect(r.changes[0]!.scaleFrom).toBe('sd');
    expect(r.changes[0]!.z).toBeCloseTo(1, 3);
    // Fixed baseline: preconditions.istanbul.level is 0.2 with no spread; 0.1 is one unit.
    const level = getParam(base, 'preconditions.istanbul.level')!;
    expect(level.dist.kind).toBe('fixed');
    const lower = rewriteDistance(base, setParam(base, 'preconditions.istanbul.level', fixed((level.dist as { value: number }).value - 0.15))!);
    expect(lower.changes[0]!).toMatchObject({ scaleFrom: 'default', scale: 0.1, unit: 'level' });
    expect(lower.changes[0]!.z).toBeCloseTo(-1.5, 9);
    expect(lower.score).toBeCloseTo(1.5, 9);
  });

  test("a change of spread alone is measured in the baseline's sd, whatever the counterfactual's", async () => {
    const base = await bundled('russia-2000');
    const { mean, sd } = moments(getParam(base, 'candidate.acceptsStandardPath')!.dist);
    // The same mean, half the spread: half a baseline sd (not one of the counterfactual's).
    const narrower = setParam(base, 'candidate.acceptsStandardPath', { dist: { kind: 'normal', mean, sd: sd / 2, min: -10, max: 10 } })!;
    const r = rewriteDistance(base, narrower);
    expect(r.changes).toHaveLength(1);
    expect(r.changes[0]!).toMatchObject({ scaleFrom: 'sd' });
    expect(r.changes[0]!.scale).toBeCloseTo(sd, 12);
    expect(r.changes[0]!.z).toBeCloseTo(0.5, 3);
  });

  test('a counterfactual against its baseline lists exactly the changed assumptions', async () => {
    const base = await bundled('russia-2000');
    const cf = await fromText(
      [
        'extends: bundled:russia-2000',
        'id: test-rewrite',
        'baseline: russia-2000.yaml',
        'candidate:',
        '  interest: { value: 0.5, source: assumption }',
        'allies:',
        '  - code: US',
        '    weights: { istanbul: 0.3 }',
        'rules:',
        '  - id: no-queue',
        '    enabled: false',
        '  - id: new-rule',
        '    text: A new rule',
        '    effects: [{ kind: interest, delta: 0.1 }]',
        'events:',
        '  - id: georgia-war',
        '    enabled: false',
      ].join('\n'),
    );
    const d = assumptionDiff(base, cf);
    expect(d.params.map((p) => p.path).sort()).toEqual(['allies.US.weights.istanbul', 'candidate.interest']);
    expect(d.switches.map((s) => `${s.kind}s.${s.id}: ${s.from} -> ${s.to}`).sort()).toEqual([
      'events.georgia-war: on -> off',
      'rules.new-rule: absent -> on',
      'rules.no-queue: on -> off',
    ]);
    expect(d.other).toEqual([]);
    const r = rewriteDistance(base, cf);
    expect(r.score).toBeCloseTo(r.parameterTerm + 3, 12);
  });

  test('a rule switched back on with another value counts the switch and the change; one switched off counts the switch alone, whatever its values', async () => {
    const base = await bundled('russia-2000');
    const rule = base.rules.find((r) => r.enabled && r.effects.length > 0 && 'delta' in r.effects[0]!)!;
    const path = `rules.${rule.id}.effects.0.delta`;
    const switched = (on: boolean, value: number) => setParam({ ...base, rules: base.rules.map((r) => (r.id === rule.id ? { ...r, enabled: on } : r)) }, path, fixed(value))!;
    const was = moments(getParam(base, path)!.dist).mean;
    const off = switched(false, was);
    // From a file with the rule off to one with it on at another value: the switch and the move.
    const back = assumptionDiff(off, switched(true, was + 0.3));
    expect(back.switches.map((x) => `${x.id}: ${x.from} -> ${x.to}`)).toEqual([`${rule.id}: off -> on`]);
    expect(back.params.map((p) => p.path)).toEqual([path]);
    expect(rewriteDistance(off, switched(true, was + 0.3)).score).toBeGreaterThan(1);
    // Switched off, a value it no longer reads changes nothing: the switch alone.
    expect(assumptionDiff(base, switched(false, was + 0.3)).params).toEqual([]);
    expect(rewriteDistance(base, switched(false, was + 0.3)).score).toBe(1);
    // Off in both: nothing at all.
    expect(rewriteDistance(off, switched(false, was + 0.3)).score).toBe(0);
  });

  test('a rule whose effects are rewritten counts once, as a structural change', async () => {
    const base = await bundled('russia-2000');
    const rule = base.rules.find((r) => r.enabled && r.effects.length > 0)!;
    const extra = { kind: 'interest' as const, delta: fixed(0.2) };
    const cf = { ...base, rules: base.rules.map((r) => (r.id === rule.id ? { ...r, effects: [...r.effects, extra] } : r)) };
    const d = assumptionDiff(base, cf);
    expect(d.params).toEqual([]);
    expect(d.other.map((o) => o.path)).toEqual([`rules.${rule.id}.effects`]);
    expect(rewriteDistance(base, cf).score).toBe(1);
  });

  test('the bundled counterfactuals change what their comments say', async () => {
    const base = await bundled('russia-2000');
    const r = rewriteDistance(base, await bundled('russia-2000-stands-in-line'));
    expect(r.changes.map((c) => c.path)).toEqual(['candidate.acceptsStandardPath']);
    expect(r.switches.map((s) => [s.id, s.from, s.to])).toEqual([['no-queue', 'on', 'off']]);
  });
});
