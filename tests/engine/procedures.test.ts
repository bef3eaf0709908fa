import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compile, simulate, summarize, traceBranch } from '../../src/engine/index.js';
import { tellStory } from '../../src/analysis/explain/story.js';
import { fixed } from '../../src/model/distribution.js';
import { PROCEDURES, procedureOfYear } from '../../src/model/procedures.js';
import type { Scenario } from '../../src/model/scenario.js';
import { referenceScenario } from '../helpers/reference-model.js';

/** A willing candidate every Ally welcomes, whose preconditions are never met, under a readiness gate of 0.8. */
function unreadyIn(year: number, procedure?: Scenario['process']['procedure']): Scenario {
  const base = referenceScenario({ consent: () => 1 });
  return {
    ...base,
    decisionPoint: { ...base.decisionPoint, year, horizon: year + 2 },
    candidate: { ...base.candidate, interest: fixed(1), acceptsStandardPath: fixed(1) },
    process: { ...base.process, ...(procedure === undefined ? {} : { procedure }), standardPath: { minYears: fixed(0), readiness: fixed(0.8) } },
    preconditions: base.preconditions.map((p) => ({ ...p, level: fixed(0) })),
    allies: base.allies.map((a) => ({ ...a, weights: {} })),
  };
}

const joined = (s: Scenario) => {
  const m = compile(s);
  return summarize(m, simulate(m, 'era', 2000), { seed: 'era' }).outcomes.joined.share;
};

describe('procedures by era', () => {
  test('the timeline gives each year the procedure in force at its date', () => {
    const id = (year: number) => PROCEDURES[procedureOfYear(year)]!.id;
    expect([id(1951), id(1994), id(1996), id(1998), id(1999), id(2021), id(2022)]).toEqual(['council', 'council', 'study', 'study', 'map', 'map', 'fast_track']);
  });

  test('before the 1995 Study the Council decides without a readiness gate; after it the gate holds', () => {
    expect(joined(unreadyIn(1981))).toBeGreaterThan(0.9);
    expect(joined(unreadyIn(2005))).toBe(0);
  });

  test('a scenario may name its procedure for every year', () => {
    expect(joined(unreadyIn(2005, 'council'))).toBeGreaterThan(0.9);
    expect(joined(unreadyIn(1981, 'map'))).toBe(0);
  });

  test("a story names the procedure the run applies: the scenario's own where it names one", () => {
    const applied = (s: Scenario) => {
      const m = compile(s);
      return tellStory(m, 'era', traceBranch(m, 'era', 0)).lines.find((l) => /applies in/.test(l.text))!.text;
    };
    expect(applied(unreadyIn(1981))).toContain("the North Atlantic Council's political decision");
    expect(applied(unreadyIn(1981, 'study'))).toContain("the 1995 Study's criteria");
    expect(applied(unreadyIn(1981, 'study'))).not.toContain('no published criteria');
  });

  test('a stalled candidacy names what holds the vote back: a precondition only where the gate asks for it', () => {
    /** The reasons of the stalled branches, by kind and id. */
    const stalledBy = (sc: Scenario) => {
      const m = compile(sc);
      const r = summarize(m, simulate(m, 'era', 500), { seed: 'era' });
      return new Set(r.blockers.filter((b) => b.outcome === 'map_stalled').map((b) => b.reason.id ?? b.reason.label));
    };
    // Ten years of preparation asked: every branch is still preparing at the horizon.
    const waiting = (sc: Scenario, level: number): Scenario => ({
      ...sc,
      process: { ...sc.process, standardPath: { ...sc.process.standardPath, minYears: fixed(10) } },
      preconditions: sc.preconditions.map((p) => ({ ...p, level: fixed(level), volatility: fixed(0), drift: fixed(0) })),
    });
    // Under the Council (no criteria), only the years hold it back, however far the levels are.
    expect(stalledBy(waiting(unreadyIn(1981), 0))).toEqual(new Set(['preparation years not yet served']));
    // Under the MAP with every precondition met, the years; with none met, a precondition.
    expect(stalledBy(waiting(unreadyIn(2005), 1))).toEqual(new Set(['preparation years not yet served']));
    const unmet = stalledBy(waiting(unreadyIn(2005), 0));
    expect(unmet.has('preparation years not yet served')).toBe(false);
    expect([...unmet].every((id) => unreadyIn(2005).preconditions.some((p) => p.id === id))).toBe(true);
  });

  test('the readiness gate opens exactly when the share of preconditions met reaches the share asked, whichever are met', () => {
    // Under the MAP, every Ally welcoming: the candidate is invited (and joins, final refusals
    // aside) if and only if the preconditions met are at least the share asked.
    const cases = fc.record({
      met: fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
      asked: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(cases, ({ met, asked }) => {
        const k = met.length;
        const needed = Math.min(asked, k) / k;
        const base = unreadyIn(2005);
        const s: Scenario = {
          ...base,
          process: { ...base.process, standardPath: { minYears: fixed(0), readiness: fixed(needed) } },
          preconditions: met.map((ok, j) => ({ ...base.preconditions[0]!, id: `p${j}`, label: `p${j}`, level: fixed(ok ? 1 : 0), drift: fixed(0), volatility: fixed(0) })),
        };
        const m = compile(s);
        const r = summarize(m, simulate(m, 'gate', 200), { seed: 'gate' });
        const ready = met.filter(Boolean).length / k >= needed;
        expect(r.funnel.find((f) => f.stage === 'invited')!.share).toBe(ready ? 1 : 0);
      }),
      // Every precondition asked and met, and two of three with the unmet one first, always among the cases.
      { numRuns: 40, seed: 7, examples: [[{ met: [true, true, true], asked: 3 }], [{ met: [false, true, true], asked: 2 }], [{ met: [true, false, true], asked: 3 }]] },
    );
  });

  test('a precondition whose level is exactly its threshold is met', () => {
    // Every precondition asked for; each level sits on its threshold, or just below it.
    const at = (below: number) => {
      const base = unreadyIn(2005);
      return {
        ...base,
        process: { ...base.process, standardPath: { minYears: fixed(0), readiness: fixed(1) } },
        preconditions: base.preconditions.map((p) => ({ ...p, level: fixed(0.6 - below), threshold: fixed(0.6), drift: fixed(0), volatility: fixed(0) })),
      };
    };
    expect(joined(at(0))).toBeGreaterThan(0.9);
    expect(joined(at(1e-9))).toBe(0);
  });

  test('a candidate that applied on the dialogue before the MAP existed prepares in the MAP once it does', () => {
    // Applies in 1997 on the standard path (the dialogue); the MAP comes in 1999. A rule that holds
    // for candidates in the MAP blocks the invitation in the years after: the stall at the horizon is the rule's.
    const base = unreadyIn(1997);
    const s: Scenario = {
      ...base,
      decisionPoint: { ...base.decisionPoint, horizon: 2000 },
      rules: [{ id: 'on-map', text: 'Candidates in the MAP wait.', source: 'test', enabled: true, when: { kind: 'track', is: 'map' }, effects: [{ kind: 'block' }] }],
    };
    const m = compile(s);
    const r = summarize(m, simulate(m, 'era', 200), { seed: 'era' });
    expect(r.tracks.dialogue.share).toBe(1);
    expect(r.outcomes.map_stalled.share).toBe(1);
    expect(r.blockers.map((b) => [b.reason.kind, b.reason.id])).toEqual([['rule', 'on-map']]);
    expect(traceBranch(m, 'era', 0).entries.filter((e) => e.kind === 'track_changed').map((e) => e.year)).toEqual([1999]);
  });
});
