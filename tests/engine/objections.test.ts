import { describe, expect, test } from 'vitest';
import { compile, simulate, summarize } from '../../src/engine/index.js';
import { fixed } from '../../src/model/distribution.js';
import type { Scenario } from '../../src/model/scenario.js';
import { referenceScenario } from '../helpers/reference-model.js';
import { loadBundled } from '../helpers/bundled-scenarios.js';

/** Every Ally holds out rather than vetoes; consent falls along the roster, so the last Ally objects most. */
function holdouts(lift: number, cohesion: number, horizon = 2000): Scenario {
  const base = referenceScenario({ consent: (i) => 0.5 - 0.02 * i });
  return {
    ...base,
    decisionPoint: { ...base.decisionPoint, horizon },
    candidate: { ...base.candidate, interest: fixed(1) },
    process: { ...base.process, cohesion: fixed(cohesion) },
    allies: base.allies.map((a) => ({ ...a, objection: 'holdout', holdoutLift: fixed(lift) })),
  };
}

describe('objections are negotiations', () => {
  test('an objection still standing at the horizon is pending, not a veto', () => {
    const m = compile(holdouts(0, 0));
    const r = summarize(m, simulate(m, 'objections', 4000), { seed: 'objections' });
    expect(r.outcomes.vetoed.count).toBe(0);
    expect(r.outcomes.pending_at_horizon.share).toBeGreaterThan(0.9);
  });

  test('the blocker named is the strongest objector, not the first in roster order', () => {
    // Every chance of consent above 0 (no two certain refusals alike), lowest for the last Ally.
    const base = holdouts(0, 0);
    const scenario = { ...base, allies: base.allies.map((a, i) => ({ ...a, consent: fixed(0.7 - 0.02 * i) })) };
    const m = compile(scenario);
    const r = summarize(m, simulate(m, 'objections', 4000), { seed: 'objections' });
    const pending = r.blockers.filter((b) => b.outcome === 'pending_at_horizon');
    // The last Ally has the lowest consent: it objects in most branches and is then the one named.
    expect(pending[0]!.actor).toBe(scenario.allies.at(-1)!.code);
    expect(pending.some((b) => b.actor === scenario.allies[0]!.code)).toBe(false);
  });

  test('cohesion makes several hold-outs lift together', () => {
    // With many objectors each lifting on its own, all rarely lift in the same years; leaning
    // together, they do far more often, at the same chance for each.
    const joinedShare = (cohesion: number) => {
      const m = compile(holdouts(0.5, cohesion, 2004));
      return summarize(m, simulate(m, 'lift', 4000), { seed: 'lift' }).outcomes.joined.share;
    };
    expect(joinedShare(0.8)).toBeGreaterThan(joinedShare(0) + 0.05);
  });
});

describe('a blocker is named only when one stands out', () => {
  /** Every Ally refuses for certain, with the same reason: none stands out. */
  function allRefuse(): Scenario {
    const base = referenceScenario({ consent: () => -0.5 });
    return { ...base, candidate: { ...base.candidate, interest: fixed(1), acceptsStandardPath: fixed(1) } };
  }

  test('Allies that all refuse for certain are counted together, not as the first in roster order', () => {
    const m = compile(allRefuse());
    const r = summarize(m, simulate(m, 'tie', 2000), { seed: 'tie' });
    expect(r.outcomes.vetoed.share).toBe(1);
    expect([...new Set(r.blockers.map((b) => b.actor))]).toEqual(['TIE']);
  });

  /** A rule that lowers one Ally's consent: it singles that Ally out among refusals alike. */
  const singlingOut = (code: string): Scenario['rules'][number] => ({
    id: 'singled',
    text: 'One Ally refuses on principle.',
    source: 'test',
    enabled: true,
    when: { kind: 'all', of: [] },
    effects: [{ kind: 'consent', allies: { kind: 'some', codes: [code] }, delta: fixed(-0.2) }],
  });

  test('an Ally a rule singles out is named, even among certain refusals', () => {
    const base = allRefuse();
    const singled: Scenario = {
      ...base,
      rules: [singlingOut(base.allies[7]!.code)],
    };
    const m = compile(singled);
    const r = summarize(m, simulate(m, 'tie', 2000), { seed: 'tie' });
    expect(r.blockers.map((b) => b.actor)).toEqual([base.allies[7]!.code]);
  });

  test('among hold-outs all refusing for certain, an Ally a rule singles out is named at the horizon', () => {
    const base = allRefuse();
    const singled: Scenario = {
      ...base,
      allies: base.allies.map((a) => ({ ...a, objection: 'holdout', holdoutLift: fixed(0) })),
      rules: [singlingOut(base.allies[7]!.code)],
    };
    const m = compile(singled);
    const r = summarize(m, simulate(m, 'tie', 1000), { seed: 'tie' });
    expect(r.outcomes.pending_at_horizon.share).toBe(1);
    expect(r.blockers.map((b) => [b.actor, b.reason.kind, b.reason.id])).toEqual([[base.allies[7]!.code, 'rule', 'singled']]);
    // Without the rule none stands out: they are counted together.
    const alike = compile({ ...singled, rules: [] });
    expect([...new Set(summarize(alike, simulate(alike, 'tie', 1000), { seed: 'tie' }).blockers.map((b) => b.actor))]).toEqual(['TIE']);
  });
});

describe('talks on hold-outs run from the application, whatever meeting first hears them', () => {
  /** The joined count of a bundled case with one Ally's yearly chance of a concession set. */
  async function joinedWithLift(name: string, ally: string, lift: number, seed: string): Promise<number> {
    const s = await loadBundled(name);
    const allies = s.allies.map((a) => (a.code === ally ? { ...a, holdoutLift: fixed(lift) } : a));
    return simulate(compile({ ...s, allies }), seed, 2000).exits[0]!;
  }

  // A faster concession by one Ally can bring the meeting forward; the other Allies' talks must
  // not be drawn again for it (the Czech Republic at 0.3 and at 0.6 on Albania's case, seed m1,
  // lost a member: Estonia's talks, settled before the later meeting, held out at the earlier one).
  test.each([
    ['backtests/albania-2009', 'CZ', 'm1'],
    ['backtests/albania-2009', 'EE', 'm1'],
    ['backtests/north-macedonia-2020', 'SK', 'a'],
    ['backtests/montenegro-2017', 'HU', 'm1'],
  ])("%s: raising %s's chance of a concession never lowers the joined count (seed %s)", async (name, ally, seed) => {
    let before = -1;
    for (const lift of [0.1, 0.3, 0.6, 0.9]) {
      const joined = await joinedWithLift(name, ally, lift, seed);
      expect(joined, `${ally} at ${lift}`).toBeGreaterThanOrEqual(before);
      before = joined;
    }
  });
});

describe('the reason a refusal is named for', () => {
  /** Every Ally refuses, none met: each criterion weighs the same for an Ally, so each pushes as much. */
  function noneMet(): Scenario {
    const base = referenceScenario({ consent: () => 0.1 });
    return {
      ...base,
      candidate: { ...base.candidate, interest: fixed(1), acceptsStandardPath: fixed(1) },
      preconditions: base.preconditions.map((p) => ({ ...p, level: fixed(0) })),
    };
  }
  const reasons = (s: Scenario) => {
    const m = compile(s);
    return [...new Set(summarize(m, simulate(m, 'reason', 1000), { seed: 'reason' }).blockers.map((b) => `${b.reason.kind}:${b.reason.id}`))];
  };

  test('among criteria that push as much, it is the first in the file, whichever that is', () => {
    const s = noneMet();
    expect(reasons(s)).toEqual(['precondition:a']);
    expect(reasons({ ...s, preconditions: [...s.preconditions].reverse() })).toEqual(['precondition:c']);
  });

  test('a criterion that pushes more is named, wherever it stands in the file', () => {
    const s = noneMet();
    const heavier = { ...s, allies: s.allies.map((a) => ({ ...a, weights: { ...a.weights, b: fixed(0.5) } })) };
    expect(reasons(heavier)).toEqual(['precondition:b']);
  });
});
