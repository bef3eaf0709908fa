import fc from 'fast-check';
import { fixed, type Param } from '../../src/model/distribution.js';
import { ROSTER } from '../../src/model/roster.js';
import type { Ally, Condition, Effect, Rule, Scenario, ScenarioEvent } from '../../src/model/scenario.js';

/**
 * Generated scenarios that reach the corners of the model at once: from one Ally to the whole
 * roster (members joining inside the window), co-candidates, hold-outs beside vetoes, rules and
 * events switched on and off with every kind of condition and effect, withdrawal, ratification
 * votes that fail and are put again, decision dates late in the year, a horizon equal to the
 * decision year, cohesion 0 and 1, and distributions at their bounds (min = max). Every
 * scenario is one the loader accepts (ids exist, Allies join by the horizon, a co-candidate is
 * not yet a member on the decision date), built directly as the engine's input.
 */

const PRE = ['pa', 'pb', 'pc'] as const;
const EVENTS = ['e0', 'e1', 'e2', 'e3'] as const;

/** A number given fixed, or as a distribution over [lo, hi] (sometimes of no width). */
function param(lo: number, hi: number, fixedValues: readonly number[]): fc.Arbitrary<Param> {
  const mid = (lo + hi) / 2;
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...fixedValues).map((v) => fixed(v)) },
    { weight: 1, arbitrary: fc.constant<Param>({ dist: { kind: 'uniform', min: lo, max: hi } }) },
    { weight: 1, arbitrary: fc.constant<Param>({ dist: { kind: 'triangular', min: lo, mode: mid, max: hi } }) },
    // At its bounds: no width at all.
    { weight: 1, arbitrary: fc.constantFrom(...fixedValues).map((v): Param => ({ dist: { kind: 'uniform', min: v, max: v } })) },
    { weight: 1, arbitrary: fc.constantFrom(...fixedValues).map((v): Param => ({ dist: { kind: 'triangular', min: v, mode: v, max: v } })) },
    { weight: 1, arbitrary: fc.constant<Param>({ dist: { kind: 'beta', alpha: 2, beta: 3, min: lo, max: hi } }) },
    { weight: 1, arbitrary: fc.constant<Param>({ dist: { kind: 'normal', mean: mid, sd: (hi - lo) / 4 + 0.01, min: lo, max: hi } }) },
  );
}

const probability = (values: readonly number[]) => param(0, 1, values);

export interface RichOptions {
  /** Leave out what makes consent act against itself through timing (stage, track and event conditions, and effects on stages): for monotonicity. */
  readonly timingFree?: boolean;
  /** Every member of the roster by the horizon, as a loaded file has them (a file cannot leave one out). */
  readonly fullRoster?: boolean;
}

export function richScenario(o: RichOptions = {}): fc.Arbitrary<Scenario> {
  return fc
    .record({
      year: fc.constantFrom(1949, 1990, 1995, 1997, 1998, 2001, 2003, 2008),
      month: fc.constantFrom(1, 3, 6, 11, 12),
      span: fc.constantFrom(0, 0, 1, 2, 4, 7),
      allyCount: fc.constantFrom(1, 1, 2, 4, 12, 19, 30, 40),
      seedAllies: fc.array(fc.record({
        consent: probability([0, 0.4, 0.8, 0.95, 1]),
        threat: probability([0, 0.05, 0.2]),
        holdout: fc.boolean(),
        lift: probability([0, 0.3, 0.7, 1]),
        weight: param(-0.2, 0.4, [0, 0.1, 0.3]),
        pass: probability([0, 0.3, 0.9, 0.97, 1]),
        months: param(0, 18, [0, 4, 12, 30]),
      }), { minLength: 1, maxLength: 5 }),
      coCandidates: fc.integer({ min: 0, max: 2 }),
      hypothetical: fc.boolean(),
      interest: probability([0.2, 0.5, 0.9, 1]),
      opposition: probability([0, 0.2]),
      standard: probability([0, 0.5, 1]),
      withdrawal: probability([0, 0, 0.2, 0.5]),
      minYears: param(0, 3, [0, 0, 1, 2]),
      readiness: probability([0, 0.3, 0.7, 1]),
      penalty: probability([0, 0.15]),
      protocolMonths: param(0, 7, [0, 3]),
      cohesion: probability([0, 0, 0.5, 1, 1]),
      procedure: fc.constantFrom(undefined, undefined, 'council', 'study', 'map', 'fast_track'),
      preconditions: fc.array(fc.record({
        level: probability([0, 0.3, 0.6, 1]),
        drift: param(-0.1, 0.1, [0, 0.05, -0.05]),
        volatility: param(0, 0.2, [0, 0.1]),
        threshold: probability([0, 0.5, 0.8]),
      }), { maxLength: 3 }),
      rules: fc.array(fc.tuple(fc.boolean(), fc.nat(), fc.nat(), fc.nat()), { maxLength: 3 }),
      events: fc.array(fc.tuple(fc.boolean(), fc.nat(), fc.nat(), fc.nat(), probability([0, 0.3, 1]), fc.boolean(), fc.nat()), { maxLength: 4 }),
    })
    .chain((v) => {
      const horizon = v.year + v.span;
      const date = `${v.year}-${String(v.month).padStart(2, '0')}-15`;
      const endOfHorizon = `${horizon}-12-31`;
      // Members by the horizon, founders first; hypothetical members join inside the window.
      const eligible = ROSTER.filter((r) => r.joined <= endOfHorizon);
      const chosen = o.fullRoster === true ? eligible : eligible.slice(0, Math.min(v.allyCount, eligible.length));
      const entries: { code: string; name: string; joined: string }[] = chosen.map((r) => ({ code: r.code, name: r.name, joined: r.joined }));
      if (v.hypothetical) entries.push({ code: 'XX', name: 'Hypothetical', joined: `${horizon}-${String(Math.min(12, Math.max(v.month + 1, horizon === 1949 ? 9 : 1))).padStart(2, '0')}-01` });
      // Co-candidates: Allies not yet members on the decision date.
      const later = entries.filter((a) => a.joined > date).map((a) => a.code);
      const coCandidates = later.slice(0, v.coCandidates);
      const allies: Ally[] = entries.map((e, i) => {
        const t = v.seedAllies[i % v.seedAllies.length]!;
        return {
          ...e,
          consent: t.consent,
          threat: t.threat,
          objection: t.holdout ? 'holdout' : 'veto',
          holdoutLift: t.lift,
          weights: Object.fromEntries(v.preconditions.map((_, k) => [PRE[k]!, t.weight])),
          ratification: { procedure: 'test', pass: t.pass, months: t.months },
          defaulted: i % 3 === 2,
        };
      });
      const codes = allies.map((a) => a.code);
      const pre = v.preconditions.map((p, k) => ({ id: PRE[k]!, label: PRE[k]!, basis: 'test', ...p }));
      const preIds = pre.map((p) => p.id);
      const eventIds = v.events.map((_, i) => EVENTS[i]!);
      const condition = conditionOf(preIds, eventIds, codes, v.year, horizon, o.timingFree === true);
      const effect = effectOf(preIds, eventIds, codes, o.timingFree === true);
      return fc.record({
        rules: fc.tuple(...v.rules.map(() => fc.tuple(condition, fc.array(effect, { minLength: 1, maxLength: 3 })))),
        events: fc.tuple(...v.events.map(() => fc.tuple(fc.option(condition, { nil: undefined }), fc.array(effect, { minLength: 1, maxLength: 3 }), fc.integer({ min: v.year, max: horizon }), fc.integer({ min: 0, max: 3 })))),
      }).map(({ rules, events }): Scenario => ({
        id: 'rich',
        title: 'Rich',
        description: '',
        decisionPoint: { year: v.year, horizon, date, label: 'rich', context: 'A generated decision point.' },
        sources: {},
        candidate: {
          name: 'Candidate',
          code: 'QQ',
          interest: v.interest,
          domesticOpposition: v.opposition,
          acceptsStandardPath: v.standard,
          withdrawal: v.withdrawal,
          coCandidates,
        },
        process: {
          ...(v.procedure === undefined ? {} : { procedure: v.procedure }),
          mapIntroduced: 1999,
          standardPath: { minYears: v.minYears, readiness: v.readiness },
          specialTrack: { minYears: v.minYears, readiness: v.readiness, consentPenalty: v.penalty },
          protocolMonths: v.protocolMonths,
          cohesion: v.cohesion,
        },
        preconditions: pre,
        allies,
        rules: rules.map(([when, effects], i): Rule => ({ id: `r${i}`, text: 'r', source: 'test', enabled: v.rules[i]![0], when, effects })),
        events: events.map(([when, effects, from, years], i): ScenarioEvent => {
          const [enabled, , , , hazard, once] = v.events[i]!;
          return {
            id: eventIds[i]!,
            label: eventIds[i]!,
            source: 'test',
            historical: true,
            enabled,
            hazard,
            from,
            to: Math.min(horizon, from + years),
            once,
            ...(when === undefined ? {} : { when }),
            effects,
          };
        }),
      }));
    });
}

function conditionOf(pre: readonly string[], events: readonly string[], allies: readonly string[], year: number, horizon: number, timingFree: boolean): fc.Arbitrary<Condition> {
  const leaves: fc.Arbitrary<Condition>[] = [
    fc.constant<Condition>({ kind: 'all', of: [] }),
    fc.integer({ min: year, max: horizon }).map((from): Condition => ({ kind: 'year', from })),
    fc.integer({ min: year, max: horizon }).map((to): Condition => ({ kind: 'year', to })),
    fc.constantFrom(...allies).map((ally): Condition => ({ kind: 'member', ally })),
  ];
  if (!timingFree) {
    leaves.push(fc.constantFrom('idle', 'preparation', 'ratification').map((is): Condition => ({ kind: 'stage', is: is as 'idle' })));
    leaves.push(fc.constantFrom('map', 'dialogue', 'special').map((is): Condition => ({ kind: 'track', is: is as 'map' })));
    if (events.length > 0) leaves.push(fc.constantFrom(...events).map((occurred): Condition => ({ kind: 'event', occurred })));
    if (pre.length > 0) {
      leaves.push(fc.constantFrom(...pre).map((precondition): Condition => ({ kind: 'met', precondition })));
      leaves.push(fc.record({ precondition: fc.constantFrom(...pre), atLeast: fc.constantFrom(0.2, 0.5, 0.8) }).map((l): Condition => ({ kind: 'level', ...l })));
    }
  }
  const leaf = fc.oneof(...leaves);
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    { weight: 1, arbitrary: leaf.map((of): Condition => ({ kind: 'not', of })) },
    { weight: 1, arbitrary: fc.array(leaf, { minLength: 1, maxLength: 3 }).map((of): Condition => ({ kind: 'any', of })) },
    { weight: 1, arbitrary: fc.array(leaf, { minLength: 1, maxLength: 3 }).map((of): Condition => ({ kind: 'all', of })) },
  );
}

function effectOf(pre: readonly string[], events: readonly string[], allies: readonly string[], timingFree: boolean): fc.Arbitrary<Effect> {
  const delta = param(-0.5, 0.5, [-0.5, -0.2, 0.2, 0.5, 1, -1]).map((p) => clampDelta(p));
  const kinds: fc.Arbitrary<Effect>[] = [
    delta.map((d): Effect => ({ kind: 'consent', allies: { kind: 'all' }, delta: d })),
    fc.tuple(fc.subarray([...allies], { minLength: 1 }), delta).map(([codes, d]): Effect => ({ kind: 'consent', allies: { kind: 'some', codes }, delta: d })),
    fc.constantFrom(...allies).map((ally): Effect => ({ kind: 'block', ally })),
    delta.map((d): Effect => ({ kind: 'interest', delta: d })),
  ];
  if (!timingFree) {
    kinds.push(delta.map((d): Effect => ({ kind: 'withdrawal', delta: d })));
    kinds.push(delta.map((d): Effect => ({ kind: 'standardPath', delta: d })));
    kinds.push(fc.constant<Effect>({ kind: 'block' }));
    kinds.push(param(0, 24, [0, 6, 40]).map((months): Effect => ({ kind: 'delay', months })));
    if (pre.length > 0) kinds.push(fc.tuple(fc.constantFrom(...pre), delta).map(([precondition, d]): Effect => ({ kind: 'precondition', precondition, delta: d })));
    if (events.length > 0) kinds.push(fc.tuple(fc.constantFrom(...events), delta).map(([event, d]): Effect => ({ kind: 'hazard', event, delta: d })));
  }
  return fc.oneof(...kinds);
}

/** A delta stays within ±1. */
function clampDelta(p: Param): Param {
  const d = p.dist;
  if (d.kind === 'fixed') return fixed(Math.max(-1, Math.min(1, d.value)));
  return p;
}
