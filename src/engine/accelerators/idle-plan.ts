import { DEPENDS, Leaf, settledIndex, TRUE, type Predicate } from '../condition.js';
import { EFFECT_KINDS, EffectCode, StageCode, TrackCode } from '../codes.js';
import type { CompiledEffect, CompiledEvent, CompiledRule, EventsByYear, IdlePlan, RulesBySituation } from '../model.js';
import type { FrozenParams } from '../params.js';

/**
 * Plans the walk of idle branches in blocks (see idle-walk.ts and IdlePlan in model.ts), or
 * finds that the scenario does not allow it.
 */

/** The kinds of effect the block walk applies; every other kind must be unread while idle. */
const APPLIED_IN_BLOCKS: ReadonlySet<number> = new Set([EffectCode.interest, EffectCode.hazard]);

/** Whether the block walk applies this effect (else it cannot matter before the application). */
function actsWhileIdle(fx: CompiledEffect): boolean {
  return APPLIED_IN_BLOCKS.has(fx.code);
}

/** Whether the block walk can leave this effect out: it cannot matter before the application. */
function unreadWhileIdle(fx: CompiledEffect): boolean {
  switch (EFFECT_KINDS[fx.code].whileIdle) {
    case 'unread':
      return true;
    // Levels: a plan exists only if no noticed condition reads a level (see `ask` below).
    case 'if-level-read':
      return true;
    case 'read':
    case 'if-event-noticed':
      return false;
  }
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
  const effects = [...new Set(eventList)].flatMap((e) => events[e]!.effects).concat([...new Set(ruleList)].flatMap((r) => rules[r]!.effects));
  if (!effects.every((fx) => actsWhileIdle(fx) || unreadWhileIdle(fx))) return null;

  const read = new Set<number>([interest, opposition]);
  for (const e of new Set(eventList)) {
    read.add(events[e]!.hazard);
    for (const fx of events[e]!.effects) if (actsWhileIdle(fx)) read.add(fx.value);
  }
  for (const r of new Set(ruleList)) for (const fx of rules[r]!.effects) if (actsWhileIdle(fx)) read.add(fx.value);
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
