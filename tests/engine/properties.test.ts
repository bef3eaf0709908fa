import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compile, simulate, summarize, traceBranch } from '../../src/engine/index.js';
import { fixed } from '../../src/model/distribution.js';
import type { Ally, Scenario } from '../../src/model/scenario.js';
import { referenceScenario } from '../helpers/reference-model.js';

/** A multi-year variant of the reference model, with the knobs the properties vary. */
function scenarioFrom(v: {
  consents: number[];
  holdouts: boolean[];
  interest: number;
  withdrawal: number;
  horizon: number;
  minYears: number;
  months: number;
  drift: number;
}): Scenario {
  const base = referenceScenario({ consent: (i) => v.consents[i % v.consents.length]! });
  return {
    ...base,
    decisionPoint: { ...base.decisionPoint, horizon: 2000 + v.horizon },
    candidate: { ...base.candidate, interest: fixed(v.interest), withdrawal: fixed(v.withdrawal) },
    process: { ...base.process, standardPath: { minYears: fixed(v.minYears), readiness: fixed(0.3) }, protocolMonths: fixed(v.months) },
    preconditions: base.preconditions.map((p) => ({ ...p, drift: fixed(v.drift), volatility: fixed(0.1) })),
    allies: base.allies.map((a, i) => ({
      ...a,
      objection: v.holdouts[i % v.holdouts.length] ? 'holdout' : 'veto',
      holdoutLift: fixed(0.3),
      ratification: { ...a.ratification, months: fixed(v.months) },
    })),
  };
}

const knobs = fc.record({
  consents: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 19 }),
  holdouts: fc.array(fc.boolean(), { minLength: 1, maxLength: 19 }),
  interest: fc.double({ min: 0, max: 1, noNaN: true }),
  withdrawal: fc.double({ min: 0, max: 0.3, noNaN: true }),
  horizon: fc.integer({ min: 0, max: 12 }),
  minYears: fc.integer({ min: 0, max: 4 }),
  months: fc.integer({ min: 0, max: 30 }),
  drift: fc.double({ min: -0.05, max: 0.1, noNaN: true }),
});

describe('engine invariants', () => {
  test('outcome shares sum to 1 and the funnel never increases', () => {
    fc.assert(
      fc.property(knobs, fc.string({ maxLength: 8 }), (v, seed) => {
        const m = compile(scenarioFrom(v));
        const r = summarize(m, simulate(m, seed, 2000), { seed });
        const sum = Object.values(r.outcomes).reduce((s, o) => s + o.share, 0);
        expect(sum).toBeCloseTo(1, 12);
        for (let i = 1; i < r.funnel.length; i++) expect(r.funnel[i]!.count).toBeLessThanOrEqual(r.funnel[i - 1]!.count);
        for (const o of Object.values(r.outcomes)) expect(o.ci95[0]).toBeLessThanOrEqual(o.share);
      }),
      { numRuns: 60 },
    );
  });

  test("raising an Ally's consent never lowers the joined count under the same seeds", () => {
    fc.assert(
      fc.property(knobs, fc.integer({ min: 0, max: 18 }), fc.double({ min: 0, max: 0.5, noNaN: true }), (v, ally, bump) => {
        const low = scenarioFrom(v);
        const high: Scenario = {
          ...low,
          allies: low.allies.map((a, i) => (i === ally ? { ...a, consent: fixed((a.consent.dist as { value: number }).value + bump) } : a)),
        };
        const joined = (s: Scenario) => simulate(compile(s), 'mono', 3000).exits[0]!;
        expect(joined(high)).toBeGreaterThanOrEqual(joined(low));
      }),
      { numRuns: 60 },
    );
  });

  test("raising an Ally's chance of lifting its hold-out never lowers the joined count under the same seeds", () => {
    fc.assert(
      fc.property(knobs, fc.integer({ min: 0, max: 18 }), fc.double({ min: 0, max: 0.7, noNaN: true }), (v, ally, bump) => {
        const low = scenarioFrom(v);
        const high: Scenario = { ...low, allies: low.allies.map((a, i) => (i === ally ? { ...a, holdoutLift: fixed(0.3 + bump) } : a)) };
        const joined = (s: Scenario) => simulate(compile(s), 'lift', 3000).exits[0]!;
        expect(joined(high)).toBeGreaterThanOrEqual(joined(low));
      }),
      { numRuns: 60 },
    );
  });

  test('shorter ratifications never lower the joined count under the same seeds', () => {
    fc.assert(
      fc.property(knobs, fc.double({ min: 0, max: 1, noNaN: true }), (v, shrink) => {
        const base = scenarioFrom(v);
        const spread = (s: Scenario, scale: number): Scenario => ({
          ...s,
          allies: s.allies.map((a) => ({ ...a, ratification: { ...a.ratification, months: { dist: { kind: 'triangular', min: 2 * scale, mode: 8 * scale, max: 24 * scale } } } })),
        });
        const joined = (s: Scenario) => simulate(compile(s), 'pace', 3000).exits[0]!;
        expect(joined(spread(base, shrink))).toBeGreaterThanOrEqual(joined(spread(base, 1)));
      }),
      { numRuns: 40 },
    );
  });

  test('an Ally never votes before it joins, nor in a branch that ended before it joined', () => {
    const base = scenarioFrom({ consents: [0.97], holdouts: [true, false], interest: 0.5, withdrawal: 0, horizon: 12, minYears: 1, months: 6, drift: 0.05 });
    const late: Ally = { ...base.allies[3]!, code: 'ZZ', name: 'Late member', joined: '2006-01-01' };
    const scenario: Scenario = { ...base, allies: [...base.allies, late] };
    const m = compile(scenario);
    const zz = m.allyCodes.indexOf('ZZ');
    let votedAfterJoining = 0;
    for (let b = 0; b < 400; b++) {
      const t = traceBranch(m, 'late', b);
      for (const e of t.entries) {
        if (e.kind === 'vote' && e.ally === zz) {
          expect(e.year).toBeGreaterThanOrEqual(2006);
          votedAfterJoining++;
        }
      }
    }
    expect(votedAfterJoining).toBeGreaterThan(0);
  });

  test('common random numbers: an inert addition changes no branch at all', () => {
    const base = scenarioFrom({ consents: [0.8, 0.9], holdouts: [false, true], interest: 0.3, withdrawal: 0.05, horizon: 10, minYears: 2, months: 12, drift: 0.02 });
    const inertAlly: Ally = { ...base.allies[0]!, code: 'ZZ', name: 'Agreeable', consent: fixed(2), weights: {}, threat: fixed(0), ratification: { procedure: 'x', pass: fixed(1), months: fixed(0) } };
    const withInert: Scenario = {
      ...base,
      allies: [...base.allies, inertAlly],
      rules: [{ id: 'never', text: 'never fires', source: 'test', enabled: true, when: { kind: 'year', from: 3000 }, effects: [{ kind: 'interest', delta: fixed(1) }] }],
    };
    const a = simulate(compile(base), 'crn', 5000);
    const b = simulate(compile(withInert), 'crn', 5000);
    expect(Array.from(b.exits)).toEqual(Array.from(a.exits));
    expect(Array.from(b.exitYears)).toEqual(Array.from(a.exitYears));
  });
});
