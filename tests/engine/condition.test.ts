import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { StageCode, TrackCode } from '../../src/engine/codes.js';
import { compileCondition, Leaf, settledIndex } from '../../src/engine/condition.js';
import { compile } from '../../src/engine/index.js';
import { holds } from '../../src/engine/walk/holds.js';
import { BranchState } from '../../src/engine/walk/state.js';
import type { Condition } from '../../src/model/scenario.js';
import { referenceScenario } from '../helpers/reference-model.js';

/** A direct, obviously-correct reading of a condition, to check the compiled program against. */
function reference(c: Condition, s: BranchState, pre: string[], codes: string[]): boolean {
  switch (c.kind) {
    case 'all':
      return c.of.every((x) => reference(x, s, pre, codes));
    case 'any':
      return c.of.some((x) => reference(x, s, pre, codes));
    case 'not':
      return !reference(c.of, s, pre, codes);
    case 'year':
      return s.year >= (c.from ?? -Infinity) && s.year <= (c.to ?? Infinity);
    case 'stage':
      return s.stage === { idle: 0, preparation: 1, ratification: 2 }[c.is];
    case 'track':
      return s.track === { map: 0, dialogue: 1, special: 2 }[c.is];
    case 'met':
      return s.level[pre.indexOf(c.precondition)]! >= 0.5;
    case 'level': {
      const v = s.level[pre.indexOf(c.precondition)]!;
      return v < (c.below ?? Infinity) && v >= (c.atLeast ?? -Infinity);
    }
    case 'event':
      return s.eventFired[EVENTS.indexOf(c.occurred)] === 1;
    case 'member':
      return s.isMember(codes.indexOf(c.ally));
  }
}

const pre = ['a', 'b', 'c'];
/** Events the conditions may ask about; the reference model has none, so the state gets room for them. */
const EVENTS = ['e0', 'e1'];
const leaf: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ kind: fc.constant('year' as const), from: fc.integer({ min: 1995, max: 2005 }), to: fc.integer({ min: 1995, max: 2010 }) }),
  fc.record({ kind: fc.constant('stage' as const), is: fc.constantFrom('idle' as const, 'preparation' as const, 'ratification' as const) }),
  fc.record({ kind: fc.constant('track' as const), is: fc.constantFrom('map' as const, 'dialogue' as const, 'special' as const) }),
  fc.record({ kind: fc.constant('met' as const), precondition: fc.constantFrom(...pre) }),
  fc.record({ kind: fc.constant('level' as const), precondition: fc.constantFrom(...pre), below: fc.double({ min: 0, max: 1, noNaN: true }), atLeast: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('member' as const), ally: fc.constantFrom('US', 'PL', 'BE') }),
  fc.record({ kind: fc.constant('event' as const), occurred: fc.constantFrom(...EVENTS) }),
);
const condition = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ kind: fc.constant('all' as const), of: fc.array(tie('c'), { maxLength: 4 }) }),
    fc.record({ kind: fc.constant('any' as const), of: fc.array(tie('c'), { maxLength: 4 }) }),
    fc.record({ kind: fc.constant('not' as const), of: tie('c') }),
  ),
})).c;

describe('compiled conditions', () => {
  const m = compile(referenceScenario());
  const names = { precondition: (id: string) => pre.indexOf(id), event: (id: string) => EVENTS.indexOf(id), ally: (code: string) => m.allyCodes.indexOf(code) };
  /** A state with room for the events the conditions ask about. */
  const stateWithEvents = () => Object.assign(new BranchState(m), { eventFired: new Uint8Array(EVENTS.length) });

  test('agree with a direct reading on any condition and state', () => {
    fc.assert(
      fc.property(
        condition,
        fc.integer({ min: 2000, max: 2000 }),
        fc.constantFrom(StageCode.idle, StageCode.preparation, StageCode.ratification),
        fc.constantFrom(TrackCode.none, TrackCode.map, TrackCode.dialogue, TrackCode.special),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.boolean(), { minLength: EVENTS.length, maxLength: EVENTS.length }),
        (c, year, stage, track, levels, fired) => {
          const s = stateWithEvents();
          fired.forEach((f, e) => (s.eventFired[e] = f ? 1 : 0));
          s.year = year;
          s.stage = stage;
          s.track = track;
          levels.forEach((v, k) => {
            s.level[k] = v;
            s.levelYear[k] = year;
          });
          s.levelsStarted = true;
          expect(holds(compileCondition(c, names, m), s)).toBe(reference(c, s, pre, [...m.allyCodes]));
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('a situation that leaves a single `met` to read reads it directly', () => {
    const c = compileCondition({ kind: 'all', of: [{ kind: 'year', from: 1999 }, { kind: 'not', of: { kind: 'met', precondition: 'b' } }] }, names, m);
    const i = settledIndex(0, 1, 0);
    expect([c.leafKind[i], c.leaf[i], c.leafNegated[i]]).toEqual([Leaf.met, 1, 1]);
    const two = compileCondition({ kind: 'any', of: [{ kind: 'met', precondition: 'a' }, { kind: 'met', precondition: 'b' }] }, names, m);
    expect(two.leafKind[i]).toBe(Leaf.none);
  });

  test('an empty all holds and an empty any does not', () => {
    const s = new BranchState(m);
    s.year = m.startYear;
    expect(holds(compileCondition({ kind: 'all', of: [] }, names, m), s)).toBe(true);
    expect(holds(compileCondition({ kind: 'any', of: [] }, names, m), s)).toBe(false);
  });
});
