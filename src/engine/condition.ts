import type { Condition } from '../model/scenario.js';
import { STAGE_COUNT, StageCode, TRACK_SLOTS, TrackCode } from './codes.js';

export interface NameIndex {
  precondition(id: string): number;
  event(id: string): number;
  ally(code: string): number;
}

/** The years a model runs and who is a member in each: what a condition can know before any branch runs. */
export interface Calendar {
  readonly startYear: number;
  /** Members by year offset; Allies are ordered by accession, so the members are a prefix. */
  readonly membersByYear: Int32Array;
}

/**
 * A condition compiled once into a small postfix program: triples (op, a, b) in an
 * Int32Array, numbers in a Float64Array, and its own value stack. One interpreter loop
 * evaluates every condition (walk/holds.ts), so the hot loop has a single, monomorphic call site instead
 * of a closure per rule. Conditions are data: nothing is evaluated as code.
 *
 * What depends only on the year (year ranges, membership), the stage and the track is
 * settled at compile time: `settled` holds, per (year offset, stage, track), FALSE or TRUE
 * when those decide, else DEPENDS, and only then does the program run.
 */
export interface Predicate {
  readonly ops: Int32Array;
  readonly nums: Float64Array;
  readonly stack: Uint8Array;
  readonly startYear: number;
  readonly settled: Uint8Array;
  /**
   * Where the situation leaves a single leaf to read, `met` or `event` (say, `year ≥ 1999 and
   * not met X` in 2005): its kind (Leaf), the precondition or event, and whether the answer
   * is its negation.
   */
  readonly leafKind: Uint8Array;
  readonly leaf: Int32Array;
  readonly leafNegated: Uint8Array;
}

/** Kinds of a single leaf left to read (see Predicate). */
export const Leaf = { none: 0, met: 1, event: 2 } as const;

const STAGES = STAGE_COUNT;
const TRACKS = TRACK_SLOTS;

/** Situations a condition can be settled in: every (year offset, stage, track). */
export function situationCount(years: number): number {
  return years * STAGES * TRACKS;
}

/** Index into Predicate.settled of a (year offset, stage, track); tracks run from -1 (none). */
export function settledIndex(yearOffset: number, stage: number, track: number): number {
  return (yearOffset * STAGES + stage) * TRACKS + track + 1;
}

export const FALSE = 0;
export const TRUE = 1;
export const DEPENDS = 2;

/** The operations of a condition's program (see walk/holds.ts). */
export const Op = { true: 0, year: 1, stage: 2, track: 3, met: 4, level: 5, event: 6, member: 7, and: 8, or: 9, not: 10 } as const;

export function compileCondition(c: Condition, names: NameIndex, calendar: Calendar): Predicate {
  const ops: number[] = [];
  const nums: number[] = [];
  const num = (x: number) => nums.push(x) - 1;
  const emit = (op: number, a = 0, b = 0): void => {
    ops.push(op, a, b);
  };
  const walk = (c: Condition): void => {
    switch (c.kind) {
      case 'all':
      case 'any':
        if (c.of.length === 0) {
          // An empty `all` holds; an empty `any` does not.
          emit(Op.true);
          if (c.kind === 'any') emit(Op.not);
          return;
        }
        c.of.forEach(walk);
        return emit(c.kind === 'all' ? Op.and : Op.or, c.of.length);
      case 'not':
        walk(c.of);
        return emit(Op.not);
      case 'year':
        return emit(Op.year, num(c.from ?? -Infinity), num(c.to ?? Infinity));
      case 'stage':
        return emit(Op.stage, StageCode[c.is]);
      case 'track':
        return emit(Op.track, TrackCode[c.is]);
      case 'met':
        return emit(Op.met, names.precondition(c.precondition));
      case 'level': {
        const k = names.precondition(c.precondition);
        const below = num(c.below ?? Infinity);
        num(c.atLeast ?? -Infinity);
        return emit(Op.level, k, below);
      }
      case 'event':
        return emit(Op.event, names.event(c.occurred));
      case 'member':
        return emit(Op.member, names.ally(c.ally));
    }
  };
  walk(c);
  const years = calendar.membersByYear.length;
  const settled = new Uint8Array(situationCount(years));
  const leafKind = new Uint8Array(situationCount(years));
  const leaf = new Int32Array(situationCount(years)).fill(-1);
  const leafNegated = new Uint8Array(situationCount(years));
  for (let y = 0; y < years; y++) {
    for (let stage = 0; stage < STAGES; stage++) {
      for (let track = -1; track < TRACKS - 1; track++) {
        const i = settledIndex(y, stage, track);
        const known = (leaf: Condition) => settle(leaf, calendar.startYear + y, calendar.membersByYear[y]!, stage, track, names);
        settled[i] = known(c);
        if (settled[i] !== DEPENDS) continue;
        const left = residual(c, known);
        if (typeof left === 'object') {
          leafKind[i] = left.leaf.kind === 'met' ? Leaf.met : Leaf.event;
          leaf[i] = left.leaf.kind === 'met' ? names.precondition(left.leaf.precondition) : names.event(left.leaf.occurred);
          leafNegated[i] = left.negated ? 1 : 0;
        }
      }
    }
  }
  const stack = new Uint8Array(ops.length / 3 + 1);
  return { ops: Int32Array.from(ops), nums: Float64Array.from(nums), stack, startYear: calendar.startYear, settled, leafKind, leaf, leafNegated };
}

/** A single leaf left to read, possibly negated. */
type SingleLeaf = { readonly leaf: Extract<Condition, { kind: 'met' | 'event' }>; readonly negated: boolean };

/**
 * What is left of a condition once the leaves the situation settles are known: TRUE, FALSE,
 * a single `met` or `event` leaf, or DEPENDS for anything more. Reading fewer leaves changes
 * nothing: reading a level or `met` has no effect on any number (see walk/levels.ts).
 */
function residual(c: Condition, known: (leaf: Condition) => number): number | SingleLeaf {
  switch (c.kind) {
    case 'all':
    case 'any': {
      const absorbing = c.kind === 'all' ? FALSE : TRUE;
      let left: number | SingleLeaf = c.kind === 'all' ? TRUE : FALSE;
      let open = 0;
      for (const x of c.of) {
        const r = residual(x, known);
        if (r === absorbing) return absorbing;
        if (r === 1 - absorbing) continue;
        left = r;
        open++;
      }
      return open > 1 ? DEPENDS : left;
    }
    case 'not': {
      const r = residual(c.of, known);
      if (typeof r === 'object') return { leaf: r.leaf, negated: !r.negated };
      return r === DEPENDS ? DEPENDS : 1 - r;
    }
    case 'met':
      return { leaf: c, negated: false };
    case 'event': {
      // A switched-off event never happens: the situation settles it.
      const settled = known(c);
      return settled === DEPENDS ? { leaf: c, negated: false } : settled;
    }
    case 'year':
    case 'stage':
    case 'track':
    case 'member':
    case 'level':
      return known(c);
  }
}

/** The preconditions whose level or `met` a condition reads. */
export function preconditionsRead(p: Predicate): number[] {
  return operands(p, (op) => op === Op.met || op === Op.level);
}

/** The events a condition asks about (those switched off excluded). */
export function eventsRead(p: Predicate): number[] {
  return operands(p, (op) => op === Op.event).filter((e) => e >= 0);
}

function operands(p: Predicate, wanted: (op: number) => boolean): number[] {
  const found: number[] = [];
  for (let pc = 0; pc < p.ops.length; pc += 3) if (wanted(p.ops[pc]!)) found.push(p.ops[pc + 1]!);
  return found;
}

/** What a condition is when only the year (and so the members), stage and track are known: FALSE, TRUE or DEPENDS (on the branch). */
function settle(c: Condition, year: number, members: number, stage: number, track: number, names: NameIndex): number {
  switch (c.kind) {
    case 'all':
    case 'any': {
      // FALSE decides an `all`, TRUE an `any`; the other answer leaves it to the rest.
      const absorbing = c.kind === 'all' ? FALSE : TRUE;
      let v = 1 - absorbing;
      for (const x of c.of) {
        const r = settle(x, year, members, stage, track, names);
        if (r === absorbing) return absorbing;
        if (r === DEPENDS) v = DEPENDS;
      }
      return v;
    }
    case 'not': {
      const v = settle(c.of, year, members, stage, track, names);
      return v === DEPENDS ? DEPENDS : 1 - v;
    }
    case 'year':
      return year >= (c.from ?? -Infinity) && year <= (c.to ?? Infinity) ? TRUE : FALSE;
    case 'member':
      return names.ally(c.ally) < members ? TRUE : FALSE;
    case 'stage':
      return StageCode[c.is] === stage ? TRUE : FALSE;
    case 'track':
      return TrackCode[c.is] === track ? TRUE : FALSE;
    case 'event':
      // An event the scenario switched off never happens.
      return names.event(c.occurred) < 0 ? FALSE : DEPENDS;
    case 'met':
    case 'level':
      return DEPENDS;
  }
}
