import { settledIndex, TRUE, DEPENDS } from './condition.js';
import { StageCode, TrackCode } from './codes.js';
import { EffectCode, type CompiledEvent, type CompiledRule, type EventsByYear, type RulesBySituation } from './model.js';
import type { FrozenParams } from './params.js';

/**
 * What the walk of many branches at once needs while the candidate has not applied (see
 * idle-walk.ts): year by year, the events that may happen and the rules that hold, and the
 * parameters each branch reads before it applies.
 *
 * Only a scenario whose noticed conditions (see quiet.ts) are all settled by the year while
 * the candidate is idle gets a plan: then nothing before the application depends on a level,
 * and the only effects that matter are those on interest and on events' hazards.
 */
export interface IdlePlan {
  /** Events that may happen in year offset y: events[eventStart[y] .. eventStart[y + 1]), in file order. */
  readonly events: Int32Array;
  readonly eventStart: Int32Array;
  /** Rules that hold in year offset y, in rule order. */
  readonly rules: Int32Array;
  readonly ruleStart: Int32Array;
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
export function actsWhileIdle(code: number): boolean {
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
  for (let y = 0; y < years; y++) {
    const situation = settledIndex(y, StageCode.idle, TrackCode.none);
    eventStart.push(eventList.length);
    for (let q = noticedEvents.start[y]!; q < noticedEvents.start[y + 1]!; q++) {
      const e = noticedEvents.events[q]!;
      const when = events[e]!.when;
      const settled = when === null ? TRUE : when.settled[situation]!;
      if (settled === DEPENDS) return null;
      if (settled === TRUE) eventList.push(e);
    }
    ruleStart.push(ruleList.length);
    for (let q = noticedRules.start[situation]!; q < noticedRules.start[situation + 1]!; q++) {
      if (noticedRules.check[q] === 1) return null;
      ruleList.push(noticedRules.rules[q]!);
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
    rulesShiftHazard: ruleList.some((r) => rules[r]!.effects.some((fx) => fx.code === EffectCode.hazard)),
    laneSlots: Int32Array.from(laneSlots),
    laneOf,
  };
}
