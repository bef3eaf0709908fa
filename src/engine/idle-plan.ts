import { DEPENDS, Leaf, settledIndex, TRUE, type Predicate } from './condition.js';
import { StageCode, TrackCode } from './codes.js';
import { EffectCode, type CompiledEvent, type CompiledRule, type EventsByYear, type RulesBySituation } from './model.js';
import type { FrozenParams } from './params.js';

/**
 * What the walk of many branches at once needs while the candidate has not applied (see
 * idle-walk.ts): year by year, the events that may happen and the rules that hold, and the
 * parameters each branch reads before it applies.
 *
 * Only a scenario whose noticed conditions (see quiet.ts) are, while the candidate is idle,
 * settled by the year or left asking whether one event has happened gets a plan: then nothing
 * before the application depends on a level, and the only effects that matter are those on
 * interest and on events' hazards.
 */
export interface IdlePlan {
  /** Events that may happen in year offset y: events[eventStart[y] .. eventStart[y + 1]), in file order. */
  readonly events: Int32Array;
  readonly eventStart: Int32Array;
  /** Rules that may hold in year offset y, in rule order. */
  readonly rules: Int32Array;
  readonly ruleStart: Int32Array;
  /**
   * Beside each of those events and rules, the event its condition still asks about (-1 when
   * the year settles it), and whether it holds when that event has not happened.
   */
  readonly eventAsks: Int32Array;
  readonly eventAskNegated: Uint8Array;
  readonly ruleAsks: Int32Array;
  readonly ruleAskNegated: Uint8Array;
  /** Whether any of those rules shifts an event's hazard (then the shifts are recomputed each year). */
  readonly rulesShiftHazard: boolean;
  /**
   * The random parameters a branch reads before it applies, each with a lane of its own:
   * laneOf[slot] is the lane, or -1 for a fixed parameter (read from fixedValues).
   */
  readonly laneSlots: Int32Array;
  readonly laneOf: Int32Array;
}

/** Effects that matter before the candidate applies. */
function actsWhileIdle(code: number): boolean {
  return code === EffectCode.interest || code === EffectCode.hazard;
}

export function planIdleWalk(
  years: number,
  interest: number,
  opposition: number,
  events: readonly CompiledEvent[],
  rules: readonly CompiledRule[],
  noticedEvents: EventsByYear,
  noticedRules: RulesBySituation,
  params: FrozenParams,
): IdlePlan | null {
  const eventList: number[] = [];
  const eventStart: number[] = [];
  const ruleList: number[] = [];
  const ruleStart: number[] = [];
  const eventAsks: number[] = [];
  const eventAskNegated: number[] = [];
  const ruleAsks: number[] = [];
  const ruleAskNegated: number[] = [];
  /** Adds what the condition still asks in this situation; false if it asks more than one event. */
  const ask = (when: Predicate, situation: number, asks: number[], negated: number[]): boolean => {
    if (when.leafKind[situation] !== Leaf.event) return false;
    asks.push(when.leaf[situation]!);
    negated.push(when.leafNegated[situation]!);
    return true;
  };
  for (let y = 0; y < years; y++) {
    const situation = settledIndex(y, StageCode.idle, TrackCode.none);
    eventStart.push(eventList.length);
    for (let q = noticedEvents.start[y]!; q < noticedEvents.start[y + 1]!; q++) {
      const e = noticedEvents.events[q]!;
      const when = events[e]!.when;
      const settled = when === null ? TRUE : when.settled[situation]!;
      if (settled === DEPENDS) {
        if (!ask(when!, situation, eventAsks, eventAskNegated)) return null;
        eventList.push(e);
      } else if (settled === TRUE) {
        eventList.push(e);
        eventAsks.push(-1);
        eventAskNegated.push(0);
      }
    }
    ruleStart.push(ruleList.length);
    for (let q = noticedRules.start[situation]!; q < noticedRules.start[situation + 1]!; q++) {
      const r = noticedRules.rules[q]!;
      if (noticedRules.check[q] === 1) {
        if (!ask(rules[r]!.when, situation, ruleAsks, ruleAskNegated)) return null;
      } else {
        ruleAsks.push(-1);
        ruleAskNegated.push(0);
      }
      ruleList.push(r);
    }
  }
  eventStart.push(eventList.length);
  ruleStart.push(ruleList.length);

  const read = new Set<number>([interest, opposition]);
  for (const e of new Set(eventList)) {
    read.add(events[e]!.hazard);
    for (const fx of events[e]!.effects) if (actsWhileIdle(fx.code)) read.add(fx.value);
  }
  for (const r of new Set(ruleList)) for (const fx of rules[r]!.effects) if (actsWhileIdle(fx.code)) read.add(fx.value);
  const random = new Set(params.randomSlots);
  const laneSlots = [...read].filter((slot) => random.has(slot)).sort((a, b) => a - b);
  const laneOf = new Int32Array(params.fixedValues.length).fill(-1);
  laneSlots.forEach((slot, lane) => (laneOf[slot] = lane));
  return {
    events: Int32Array.from(eventList),
    eventStart: Int32Array.from(eventStart),
    rules: Int32Array.from(ruleList),
    ruleStart: Int32Array.from(ruleStart),
    eventAsks: Int32Array.from(eventAsks),
    eventAskNegated: Uint8Array.from(eventAskNegated),
    ruleAsks: Int32Array.from(ruleAsks),
    ruleAskNegated: Uint8Array.from(ruleAskNegated),
    rulesShiftHazard: ruleList.some((r) => rules[r]!.effects.some((fx) => fx.code === EffectCode.hazard)),
    laneSlots: Int32Array.from(laneSlots),
    laneOf,
  };
}
