import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compile, emptyTally, EXITS, mergeInto, simulateRange, traceBranch, type CompiledModel } from '../../src/engine/index.js';
import { settledIndex } from '../../src/engine/condition.js';
import { StageCode, TrackCode } from '../../src/engine/codes.js';
import { fixed } from '../../src/model/distribution.js';
import type { Param } from '../../src/model/distribution.js';
import type { Condition, Effect, Rule, Scenario, ScenarioEvent } from '../../src/model/scenario.js';
import { referenceScenario } from '../helpers/reference-model.js';

/**
 * Before the candidate applies, a batch run skips the rules and events nobody notices yet, and
 * walks blocks of branches together; a branch that applies is walked again in full. A traced
 * branch is always walked alone and in full, so it must end as the same branch in a batch run.
 */

const PRE = ['a', 'b', 'c'] as const;

function rule(id: string, when: Condition, effects: Effect[]): Rule {
  return { id, text: id, source: 'test', enabled: true, when, effects };
}

function event(id: string, when: Condition | undefined, effects: Effect[], hazard = 0.5): ScenarioEvent {
  return {
    id,
    label: id,
    source: 'test',
    historical: true,
    enabled: true,
    hazard: fixed(hazard),
    from: 2000,
    to: 2006,
    once: false,
    ...(when === undefined ? {} : { when }),
    effects,
  };
}

const move = (precondition: string, delta: number): Effect => ({ kind: 'precondition', precondition, delta: fixed(delta) });
const met = (precondition: string): Condition => ({ kind: 'met', precondition });

function scenario(rules: Rule[], events: ScenarioEvent[]): Scenario {
  const base = referenceScenario();
  const slow = { minYears: fixed(1), readiness: fixed(0.6) };
  return {
    ...base,
    decisionPoint: { ...base.decisionPoint, year: 2000, horizon: 2006 },
    candidate: { ...base.candidate, interest: fixed(0.15) },
    process: { ...base.process, standardPath: slow, specialTrack: { ...base.process.specialTrack, ...slow } },
    preconditions: base.preconditions.map((p) => ({ ...p, level: fixed(0.45), threshold: fixed(0.5), volatility: fixed(0.1) })),
    rules,
    events,
  };
}

/** The rules and events checked while the candidate is idle in the first year, by id. */
function noticedWhileIdle(m: CompiledModel): string[] {
  const t = m.noticedRulesBySituation;
  const i = settledIndex(0, StageCode.idle, TrackCode.none);
  const e = m.noticedEventsByYear;
  return [
    ...Array.from(t.rules.subarray(t.start[i]!, t.start[i + 1]!), (r) => m.rules[r]!.id),
    ...Array.from(e.events.subarray(e.start[0]!, e.start[1]!), (q) => m.events[q]!.id),
  ];
}

describe('rules and events nobody notices before the candidate applies', () => {
  test('are those that move only what is read after the application', () => {
    const m = compile(
      scenario(
        [
          rule('moves-unread', { kind: 'year', from: 2000 }, [move('a', 0.1)]),
          rule('moves-read-by-event', { kind: 'year', from: 2000 }, [move('b', 0.1)]),
          rule('moves-read-by-noticed-rule', { kind: 'year', from: 2000 }, [move('c', 0.1), { kind: 'withdrawal', delta: fixed(0.1) }]),
          rule('interest', met('c'), [{ kind: 'interest', delta: fixed(0.1) }]),
          rule('path', { kind: 'year', from: 2000 }, [{ kind: 'standardPath', delta: fixed(0.1) }, { kind: 'block' }]),
        ],
        [event('reads-b', met('b'), [{ kind: 'interest', delta: fixed(0.1) }])],
      ),
    );
    expect(m.quietWhileIdle).toBe(true);
    expect(noticedWhileIdle(m)).toEqual(['moves-read-by-event', 'moves-read-by-noticed-rule', 'interest', 'reads-b']);
  });

  test('a rule that changes a noticed event’s hazard is noticed, and so are the levels its condition reads', () => {
    const rules = [
      rule('moves-a', { kind: 'year', from: 2000 }, [move('a', 0.1)]),
      rule('hazard', met('a'), [{ kind: 'hazard', event: 'e', delta: fixed(0.1) }]),
    ];
    expect(noticedWhileIdle(compile(scenario(rules, [event('e', undefined, [{ kind: 'interest', delta: fixed(0.1) }])])))).toEqual(['moves-a', 'hazard', 'e']);
    // The same event moving only a level nobody reads: all three are quiet.
    expect(noticedWhileIdle(compile(scenario(rules, [event('e', undefined, [move('c', 0.1)])])))).toEqual([]);
  });

  test('an event is noticed if it moves interest, a level or hazard that is noticed, or a noticed condition asks for it', () => {
    const m = compile(
      scenario(
        [rule('asks', { kind: 'event', occurred: 'asked-for' }, [{ kind: 'interest', delta: fixed(0.1) }])],
        [
          event('moves-unread', undefined, [move('a', 0.1), { kind: 'consent', allies: { kind: 'all' }, delta: fixed(-0.1) }]),
          event('asked-for', undefined, [move('a', 0.1)]),
          event('raises-quiet', undefined, [{ kind: 'hazard', event: 'moves-unread', delta: fixed(0.1) }]),
          event('raises-noticed', undefined, [{ kind: 'hazard', event: 'interest', delta: fixed(0.1) }]),
          event('interest', met('b'), [{ kind: 'interest', delta: fixed(-0.1) }]),
          event('moves-b', undefined, [move('b', 0.1)]),
        ],
      ),
    );
    expect(noticedWhileIdle(m)).toEqual(['asks', 'asked-for', 'raises-noticed', 'interest', 'moves-b']);
  });

  test('a scenario without such rules is walked once', () => {
    const m = compile(scenario([rule('interest', { kind: 'year', from: 2000 }, [{ kind: 'interest', delta: fixed(0.1) }])], []));
    expect(m.quietWhileIdle).toBe(false);
  });

  const read: fc.Arbitrary<Condition> = fc.oneof(
    fc.constantFrom('e0', 'e1', 'e2').map((occurred): Condition => ({ kind: 'event', occurred })),
    fc.constantFrom(...PRE).map(met),
    fc.constantFrom(...PRE).map((p): Condition => ({ kind: 'not', of: met(p) })),
    fc.record({ kind: fc.constant('level' as const), precondition: fc.constantFrom(...PRE), atLeast: fc.constantFrom(0.3, 0.45, 0.6) }),
  );
  // Conditions the year, stage or track settle: with only these, branches walk in blocks.
  const settledByYear: fc.Arbitrary<Condition> = fc.oneof(
    fc.record({ kind: fc.constant('year' as const), from: fc.integer({ min: 2000, max: 2006 }) }),
    fc.record({ kind: fc.constant('year' as const), from: fc.constant(2000), to: fc.integer({ min: 2000, max: 2004 }) }),
    fc.constant<Condition>({ kind: 'stage', is: 'idle' }),
    fc.constant<Condition>({ kind: 'track', is: 'map' }),
  );
  const when = fc.oneof({ weight: 1, arbitrary: read }, { weight: 3, arbitrary: settledByYear });
  const size = (fixedValue: number): fc.Arbitrary<Param> =>
    fc.oneof(
      fc.constant(fixed(fixedValue)),
      fc.constant<Param>({ dist: { kind: 'triangular', min: Math.min(0, fixedValue), mode: fixedValue / 2, max: Math.max(0, fixedValue) } }),
    );
  const effect: fc.Arbitrary<Effect> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ p: fc.constantFrom(...PRE), d: fc.constantFrom(-0.3, -0.1, 0.1, 0.3) }).map(({ p, d }) => move(p, d)) },
    { weight: 2, arbitrary: fc.constantFrom(-0.3, 0.3).chain((d) => size(d)).map((delta): Effect => ({ kind: 'interest', delta })) },
    { weight: 1, arbitrary: fc.constantFrom(-0.3, 0.3).map((d): Effect => ({ kind: 'consent', allies: { kind: 'all' }, delta: fixed(d) })) },
    { weight: 1, arbitrary: fc.constant<Effect>({ kind: 'withdrawal', delta: fixed(0.2) }) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('e0', 'e1', 'e2'), size(0.3)).map(([e, delta]): Effect => ({ kind: 'hazard', event: e, delta })) },
  );
  const built = fc
    .record({
      rules: fc.array(fc.tuple(when, fc.array(effect, { minLength: 1, maxLength: 2 })), { maxLength: 4 }),
      events: fc.array(fc.tuple(fc.option(when, { nil: undefined }), fc.array(effect, { minLength: 1, maxLength: 2 }), fc.boolean(), size(0.5)), { minLength: 3, maxLength: 5 }),
      interest: size(0.15),
    })
    .map(({ rules, events, interest }) => {
      const s = scenario(
        rules.map(([when, effects], i) => rule(`r${i}`, when, effects)),
        events.map(([when, effects, once, hazard], i) => ({ ...event(`e${i}`, when, effects), once, hazard })),
      );
      return { ...s, candidate: { ...s.candidate, interest } };
    });

  test('on generated scenarios, every branch ends as its traced walk in full does, alone or in a block', () => {
    let inBlocks = 0;
    fc.assert(
      fc.property(built, (s) => {
        const m = compile(s);
        if (m.idlePlan !== null) inBlocks++;
        // Branches 250 to 300 straddle two blocks.
        const together = simulateRange(m, 'quiet', 250, 50);
        const alone = emptyTally(m);
        for (let b = 250; b < 300; b++) mergeInto(alone, simulateRange(m, 'quiet', b, 1));
        expect(together).toEqual(alone);
        expect(simulateRange(compile(s, { quiet: false, blockWalk: false }), 'quiet', 250, 50)).toEqual(together);
        for (let b = 0; b < 40; b++) {
          const one = simulateRange(m, 'quiet', b, 1);
          const exit = one.exits.findIndex((n) => n === 1);
          const year = one.exitYears.findIndex((n) => n === 1) - exit * m.years + m.startYear;
          const cell = one.blockers.findIndex((n) => n === 1);
          const trace = traceBranch(m, 'quiet', b);
          const traced = ((exit * (m.allyCount + 2) + (trace.actor + 1)) * m.reasonCount + trace.reason);
          expect([trace.exit.exit, trace.exitYear, traced]).toEqual([EXITS[exit]!.exit, year, cell]);
        }
      }),
      { numRuns: 150 },
    );
    expect(inBlocks).toBeGreaterThan(30);
  });
});

describe('each branch starts afresh', () => {
  test('a rule’s hazard shift in the last year of one branch does not reach the first year of the next', () => {
    const base = scenario(
      [rule('late-push', { kind: 'year', from: 2006 }, [{ kind: 'hazard', event: 'early', delta: fixed(1) }])],
      // Open only in 2000, with no chance of its own: it can never happen.
      [{ ...event('early', undefined, [{ kind: 'interest', delta: fixed(-5) }], 0), to: 2000 }],
    );
    // Every branch applies at once and waits until the horizon, where the rule acts.
    const s: Scenario = {
      ...base,
      candidate: { ...base.candidate, interest: fixed(1) },
      process: { ...base.process, standardPath: { minYears: fixed(10), readiness: fixed(0) } },
    };
    const t = simulateRange(compile(s), 'afresh', 0, 50);
    expect(t.funnel[1]).toBe(50);
  });
});
