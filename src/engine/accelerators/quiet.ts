import { EFFECT_KINDS } from '../codes.js';
import { eventsRead, preconditionsRead } from '../condition.js';
import type { CompiledEffect, CompiledEvent, CompiledRule } from '../model.js';

/**
 * What nobody can notice while the candidate has not applied.
 *
 * Before it applies, a branch reads only the candidate's interest, events' hazards and the
 * conditions of events and rules. A rule or event is quiet if it moves none of these: its
 * effects act in a vote (consent, an Ally's block), on the path once applied (withdrawal,
 * standard path, delay, a block of the process), on levels no condition that is noticed
 * reads, or on the hazard of a quiet event; and no condition that is noticed asks whether it
 * happened. Whatever is noticed makes what its own condition reads noticed, hence the loop.
 *
 * Most branches never apply: they are walked without quiet rules and events, and a branch
 * that applies is walked again in full (see walk/branch.ts). What each kind of effect acts on
 * is said once, in EFFECT_KINDS (codes.ts).
 */
export interface Quiet {
  readonly rules: ReadonlySet<number>;
  readonly events: ReadonlySet<number>;
}

export function quietWhileIdle(yearlyRules: readonly CompiledRule[], events: readonly CompiledEvent[]): Quiet {
  const readLevels = new Set<number>();
  const quietRules = new Set(yearlyRules.map((r) => r.index));
  const quietEvents = new Set(events.map((e) => e.index));
  const noticed = (fx: CompiledEffect): boolean => {
    switch (EFFECT_KINDS[fx.code].whileIdle) {
      case 'read':
        return true;
      case 'if-event-noticed':
        return fx.target >= 0 && !quietEvents.has(fx.target);
      case 'if-level-read':
        return readLevels.has(fx.target);
      case 'unread':
        return false;
    }
  };
  const notice = (when: CompiledEvent['when']): void => {
    if (when === null) return;
    for (const k of preconditionsRead(when)) readLevels.add(k);
    for (const e of eventsRead(when)) quietEvents.delete(e);
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of yearlyRules) {
      if (quietRules.has(r.index) && r.effects.some(noticed)) {
        quietRules.delete(r.index);
        changed = true;
      }
    }
    for (const e of events) {
      if (quietEvents.has(e.index) && e.effects.some(noticed)) {
        quietEvents.delete(e.index);
        changed = true;
      }
    }
    // What is noticed reads: the levels and events in its condition are noticed too.
    const levels = readLevels.size;
    const stillQuiet = quietEvents.size;
    for (const r of yearlyRules) if (!quietRules.has(r.index)) notice(r.when);
    for (const e of events) if (!quietEvents.has(e.index)) notice(e.when);
    if (readLevels.size !== levels || quietEvents.size !== stillQuiet) changed = true;
  }
  return { rules: quietRules, events: quietEvents };
}
