import { DEPENDS, FALSE } from './condition.js';
import type { CompiledEvent, CompiledRule, EventsByYear, RulesBySituation } from './model.js';

/**
 * When rules and events can act: the yearly rules by situation (year, stage, track) and the
 * events by year, as flat lists the walk reads in order. `keep` leaves some out (see accelerators/quiet.ts).
 */

/** For each situation, the rules kept there and not settled false in it, and whether each needs checking. */
export function rulesBySituation(rules: readonly CompiledRule[], situations: number, keep: (r: CompiledRule, situation: number) => boolean): RulesBySituation {
  const list: number[] = [];
  const check: number[] = [];
  const start: number[] = [];
  for (let i = 0; i < situations; i++) {
    start.push(list.length);
    for (const r of rules) {
      const settled = r.when.settled[i]!;
      if (settled === FALSE || !keep(r, i)) continue;
      list.push(r.index);
      check.push(settled === DEPENDS ? 1 : 0);
    }
  }
  start.push(list.length);
  return { rules: Int32Array.from(list), check: Uint8Array.from(check), start: Int32Array.from(start) };
}

/** For each year of the run, the events kept whose window covers it, as one flat list with offsets. */
export function eventWindows(events: readonly CompiledEvent[], start: number, horizon: number, keep: (e: CompiledEvent) => boolean): EventsByYear {
  const list: number[] = [];
  const offsets: number[] = [];
  for (let year = start; year <= horizon; year++) {
    offsets.push(list.length);
    for (const e of events) if (year >= e.from && year <= e.to && keep(e)) list.push(e.index);
  }
  offsets.push(list.length);
  return { events: Int32Array.from(list), start: Int32Array.from(offsets) };
}
