import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compile, EXITS, simulate, simulateRange, traceBranch, type Accelerators, type CompiledModel, type Tally } from '../../src/engine/index.js';
import { fixed } from '../../src/model/distribution.js';
import type { Condition, Effect, Rule, Scenario, ScenarioEvent } from '../../src/model/scenario.js';
import { bundledScenariosDir } from '../../src/io/paths.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { referenceScenario } from '../helpers/reference-model.js';

/**
 * The engine skips work nobody reads: levels catch up only when read, parameters are drawn
 * when first needed, draws whose outcome is certain are skipped, and what the year, stage
 * and track decide is settled at compile time. None of it may change a number. These tests
 * make the engine read far more than it needs and check that nothing moves.
 */

const RUNS = 4_000;

async function bundled(name: string): Promise<Scenario> {
  const r = await loadScenarioFile(join(bundledScenariosDir(), `${name}.yaml`), { bundledDir: bundledScenariosDir() });
  if (!r.ok) throw new Error(`${name} does not load`);
  return r.value.scenario;
}

/**
 * A rule that does nothing but whose condition reads every precondition's level and `met`
 * every year, and depends on the branch in every way a condition can (so it is never settled
 * at compile time): each year it forces every level up to date, before and after events.
 */
function observer(s: Scenario): Rule {
  const reads: Condition[] = s.preconditions.flatMap((p): Condition[] => [
    { kind: 'level', precondition: p.id, atLeast: -1 },
    { kind: 'any', of: [{ kind: 'met', precondition: p.id }, { kind: 'not', of: { kind: 'met', precondition: p.id } }] },
  ]);
  return {
    id: 'observer',
    text: 'Reads everything, changes nothing.',
    source: 'test',
    enabled: true,
    when: { kind: 'all', of: reads },
    effects: [{ kind: 'interest', delta: fixed(0) }],
  };
}

/** The same scenario with the observer read both by a rule and by an event that never happens. */
function observed(s: Scenario): Scenario {
  const rule = observer(s);
  return {
    ...s,
    rules: [rule, ...s.rules],
    events: [
      {
        id: 'observer-event',
        label: 'Reads everything, never happens',
        source: 'test',
        historical: false,
        enabled: true,
        hazard: fixed(0),
        from: s.decisionPoint.year,
        to: s.decisionPoint.horizon,
        once: false,
        when: rule.when,
        effects: [{ kind: 'interest', delta: fixed(0) }],
      },
      ...s.events,
    ],
  };
}

/** What a run says: outcomes, their timing, and who blocked for which reason, by name (adding rules renumbers reasons). */
function outcomes(m: CompiledModel, t: Tally): unknown {
  const reasonName = (r: number) =>
    r < m.reasonOfPrecondition
      ? `fixed ${r}`
      : r < m.reasonOfRule
        ? `precondition ${m.preconditionIds[r - m.reasonOfPrecondition]}`
        : r < m.reasonOfEvent
          ? `rule ${m.rules[r - m.reasonOfRule]!.id}`
          : `event ${m.events[r - m.reasonOfEvent]!.id}`;
  const blockers: Record<string, number> = {};
  t.blockers.forEach((n, cell) => {
    if (n === 0) return;
    const reason = cell % m.reasonCount;
    const actorExit = (cell - reason) / m.reasonCount;
    blockers[`${Math.floor(actorExit / (m.allyCount + 2))}/${actorExit % (m.allyCount + 2)}/${reasonName(reason)}`] = n;
  });
  return { exits: [...t.exits], funnel: [...t.funnel], tracks: [...t.tracks], exitYears: [...t.exitYears], blockers };
}

function run(s: Scenario, seed: string, runs: number, accelerators: Partial<Accelerators> = {}): unknown {
  const m = compile(s, accelerators);
  return outcomes(m, simulate(m, seed, runs));
}

describe('work the engine skips changes no result', () => {
  test.each(['russia-1990', 'russia-1990-common-home', 'russia-2000', 'russia-2000-stands-in-line', 'backtests/georgia-2008', 'backtests/north-macedonia-2020'])(
    '%s: reading every level every year gives the same outcomes and years',
    async (name) => {
      const base = await bundled(name);
      expect(run(observed(base), 'lazy', RUNS)).toEqual(run(base, 'lazy', RUNS));
    },
  );

  test.each(['russia-1990-common-home', 'russia-2000-stands-in-line', 'backtests/georgia-2008'])(
    '%s: a traced branch, which checks every rule every year, ends as in the batch run',
    async (name) => {
      const m = compile(await bundled(name));
      for (let b = 0; b < 300; b += 3) {
        const one = simulateRange(m, 'trace-vs-batch', b, 1);
        const exit = one.exits.findIndex((n) => n === 1);
        const year = one.exitYears.findIndex((n) => n === 1) - exit * m.years + m.startYear;
        const trace = traceBranch(m, 'trace-vs-batch', b);
        expect([trace.exit.exit, trace.exitYear]).toEqual([EXITS[exit]!.exit, year]);
      }
    },
  );

  /**
   * Small scenarios built to stress the bookkeeping: levels near the bounds (so clamping
   * matters), several events moving the same precondition in the same year, events and rules
   * whose conditions read `met` and levels, and rules that move the drift.
   */
  const PRE = ['a', 'b', 'c'] as const;
  const read: fc.Arbitrary<Condition> = fc.oneof(
    fc.record({ kind: fc.constant('met' as const), precondition: fc.constantFrom(...PRE) }),
    fc.record({ kind: fc.constant('not' as const), of: fc.record({ kind: fc.constant('met' as const), precondition: fc.constantFrom(...PRE) }) }),
    fc.record({ kind: fc.constant('level' as const), precondition: fc.constantFrom(...PRE), atLeast: fc.double({ min: 0, max: 1, noNaN: true }) }),
  );
  const move: fc.Arbitrary<Effect> = fc.record({
    kind: fc.constant('precondition' as const),
    precondition: fc.constantFrom(...PRE),
    delta: fc.double({ min: -0.4, max: 0.4, noNaN: true }).map((x) => fixed(x)),
  });
  const event = (i: number): fc.Arbitrary<ScenarioEvent> =>
    fc.record({
      id: fc.constant(`e${i}`),
      label: fc.constant(`e${i}`),
      source: fc.constant('test'),
      historical: fc.constant(true),
      enabled: fc.constant(true),
      hazard: fc.constantFrom(0.7, 1, 1).map((x) => fixed(x)),
      from: fc.integer({ min: 2000, max: 2002 }),
      years: fc.integer({ min: 0, max: 2 }),
      once: fc.boolean(),
      when: fc.option(read, { nil: undefined, freq: 2 }),
      effects: fc.array(move, { minLength: 1, maxLength: 2 }),
    }).map(({ years, ...e }) => ({ ...e, to: e.from + years }));
  const rule = (i: number): fc.Arbitrary<Rule> =>
    fc.record({
      id: fc.constant(`r${i}`),
      text: fc.constant('test'),
      source: fc.constant('test'),
      enabled: fc.constant(true),
      when: read,
      effects: fc.array(move, { minLength: 1, maxLength: 2 }),
    });
  const many = <T,>(make: (i: number) => fc.Arbitrary<T>, min: number, max: number): fc.Arbitrary<T[]> =>
    fc.integer({ min, max }).chain((n) => (n === 0 ? fc.constant([]) : fc.tuple(...Array.from({ length: n }, (_, i) => make(i))).map((xs) => [...xs])));
  const stressed = fc
    .record({
      levels: fc.array(fc.constantFrom(0.02, 0.1, 0.3, 0.5, 0.7, 0.9, 0.98), { minLength: 3, maxLength: 3 }),
      thresholds: fc.array(fc.constantFrom(0.3, 0.5, 0.7, 0.85), { minLength: 3, maxLength: 3 }),
      readiness: fc.constantFrom(0.3, 0.6),
      drift: fc.array(fc.constantFrom(0, 0.05, -0.05), { minLength: 3, maxLength: 3 }),
      volatility: fc.array(fc.constantFrom(0, 0.1), { minLength: 3, maxLength: 3 }),
      events: many(event, 2, 7),
      rules: many(rule, 0, 3),
    })
    .map(({ levels, thresholds, readiness, drift, volatility, events, rules }): Scenario => {
      const base = referenceScenario();
      const slow = { minYears: fixed(1), readiness: fixed(readiness) };
      return {
        ...base,
        decisionPoint: { ...base.decisionPoint, year: 2000, horizon: 2005 },
        candidate: { ...base.candidate, interest: fixed(0.3) },
        process: { ...base.process, standardPath: slow, specialTrack: { ...base.process.specialTrack, ...slow } },
        preconditions: base.preconditions.map((p, k) => ({
          ...p,
          level: fixed(levels[k]!),
          threshold: fixed(thresholds[k]!),
          drift: fixed(drift[k]!),
          volatility: fixed(volatility[k]!),
        })),
        events,
        rules,
      };
    });

  test('on scenarios built to stress it, reading every level every year changes nothing', () => {
    fc.assert(
      fc.property(stressed, (scenario) => {
        const lazy = run(scenario, 'stress', 200);
        expect(run(observed(scenario), 'stress', 200)).toEqual(lazy);
        expect(run(scenario, 'stress', 200, { lazyLevels: false })).toEqual(lazy);
      }),
      { numRuns: 120 },
    );
  });

  /** A certain event, once, from 2000 to `to`, that moves precondition a by `delta`, on a condition if given. */
  const levelEvent = (id: string, delta: number, to: number, when?: Condition): ScenarioEvent => ({
    id,
    label: id,
    source: 'test',
    historical: true,
    enabled: true,
    hazard: fixed(1),
    from: 2000,
    to,
    once: true,
    ...(when === undefined ? {} : { when }),
    effects: [{ kind: 'precondition', precondition: 'a', delta: fixed(delta) }],
  });

  test('two moves of one level in one year are each clamped, and a condition between them sees the start of the year', () => {
    const base = referenceScenario();
    const quick = { minYears: fixed(0), readiness: fixed(0.3) };
    const event = (id: string, delta: number, when?: Condition) => levelEvent(id, delta, 2000, when);
    const scenario: Scenario = {
      ...base,
      decisionPoint: { ...base.decisionPoint, year: 2000, horizon: 2002 },
      candidate: { ...base.candidate, interest: fixed(0.9) },
      process: { ...base.process, standardPath: quick, specialTrack: { ...base.process.specialTrack, ...quick } },
      preconditions: base.preconditions.map((p) => ({ ...p, level: fixed(p.id === 'a' ? 0.9 : 0.1), threshold: fixed(0.8) })),
      // 0.9 → 1 (clamped) → 0.7: not met. Added up unclamped it would stay 0.9 and be met.
      // The third event asks for `a` met: at the start of 2000 it was, so it happens.
      events: [event('up', 0.3), event('down', -0.3), { ...event('still-met', 0, { kind: 'met', precondition: 'a' }), effects: [{ kind: 'interest', delta: fixed(0) }] }],
    };
    const m = compile(scenario);
    const t = simulate(m, 'clamp', 500);
    expect(t.exits[EXITS.findIndex((e) => e.exit === 'map_stalled')]).toBe(t.funnel[1]);
    expect(traceBranch(m, 'clamp', 0).entries.filter((e) => e.kind === 'event').length).toBe(3);
    expect(run(observed(scenario), 'clamp', 500)).toEqual(run(scenario, 'clamp', 500));
  });

  test("a level condition of an event, like a met one, reads the level the year opened with, not an earlier event's move that year", () => {
    const base = referenceScenario();
    const event = (id: string, when?: Condition, delta = 0) => levelEvent(id, delta, 2001, when);
    const scenario: Scenario = {
      ...base,
      decisionPoint: { ...base.decisionPoint, year: 2000, horizon: 2002 },
      // The branch walks every year: the candidate never applies.
      candidate: { ...base.candidate, interest: fixed(0) },
      preconditions: base.preconditions.map((p) => ({ ...p, level: fixed(0.7), drift: fixed(0), volatility: fixed(0), threshold: fixed(0.75) })),
      // 0.7 → 0.8 in 2000 by the first event: the two after it see 0.7 that year, and 0.8 in 2001.
      events: [event('up', undefined, 0.1), event('on-level', { kind: 'level', precondition: 'a', atLeast: 0.75 }), event('on-met', { kind: 'met', precondition: 'a' })],
    };
    const m = compile(scenario);
    const fired = traceBranch(m, 'level-read', 0).entries.flatMap((e) => (e.kind === 'event' ? [`${m.events[e.event]!.id} ${e.year}`] : []));
    expect(fired).toEqual(['up 2000', 'on-level 2001', 'on-met 2001']);
    expect(run(observed(scenario), 'level-read', 500)).toEqual(run(scenario, 'level-read', 500));
  });

  test('a rule that moves a level that never drifts on its own moves it, year by year', () => {
    const base = referenceScenario();
    const quick = { minYears: fixed(0), readiness: fixed(0.3) };
    const scenario: Scenario = {
      ...base,
      decisionPoint: { ...base.decisionPoint, year: 2000, horizon: 2004 },
      candidate: { ...base.candidate, interest: fixed(1) },
      process: { ...base.process, standardPath: quick, specialTrack: { ...base.process.specialTrack, ...quick } },
      preconditions: base.preconditions.map((p) => ({ ...p, level: fixed(0.1), threshold: fixed(0.5) })),
      // 0.1 → 0.3 after 2000 → 0.5 after 2001: met, and a vote, in 2002.
      rules: [{ id: 'reform', text: 'test', source: 'test', enabled: true, when: { kind: 'year', from: 2000 }, effects: [{ kind: 'precondition', precondition: 'a', delta: fixed(0.2) }] }],
    };
    const m = compile(scenario);
    expect(m.driftless[0]).toBe(1);
    const firstVote = traceBranch(m, 'reform', 0).entries.find((e) => e.kind === 'vote');
    expect(firstVote?.year).toBe(2002);
  });
});
