import type { Scenario } from '../model/scenario.js';

/**
 * Rules and events as switches, named by path as in --set and the analyses: `rules.<id>`,
 * `events.<id>`. One place for reading, setting and flipping them, on a scenario or an immer
 * draft of one.
 */

export type SwitchKind = 'rules' | 'events';

/** The path of a rule's or an event's switch. */
export function switchPath(kind: SwitchKind, id: string): string {
  return `${kind}.${id}`;
}

/** A switch path's kind and id; undefined for any other path (a value inside a rule, `rules.<id>.effects.0.delta`, included). */
export function parseSwitchPath(path: string): { kind: SwitchKind; id: string } | undefined {
  const m = /^(rules|events)\.([^.]+)$/.exec(path);
  return m === null ? undefined : { kind: m[1] as SwitchKind, id: m[2]! };
}

/** Whether the rule or event at `path` is on in a scenario; undefined when it has none there. */
export function switchState(s: Pick<Scenario, 'rules' | 'events'>, path: string): boolean | undefined {
  return switchEntry(s, path)?.enabled;
}

/** The scenario with each switch as `state` says (given its path and whether it is on now); entries that keep their state are shared. */
export function withSwitches(s: Scenario, state: (path: string, on: boolean) => boolean): Scenario {
  const set = <T extends { readonly id: string; readonly enabled: boolean }>(kind: SwitchKind, entry: T): T => {
    const on = state(switchPath(kind, entry.id), entry.enabled);
    return on === entry.enabled ? entry : { ...entry, enabled: on };
  };
  return { ...s, rules: s.rules.map((r) => set('rules', r)), events: s.events.map((e) => set('events', e)) };
}

/** Flips the switch at `path` in place (in an immer draft); nothing when there is none. */
export function flipSwitchIn(draft: { rules: { id: string; enabled: boolean }[]; events: { id: string; enabled: boolean }[] }, path: string): void {
  const entry = switchEntry(draft, path);
  if (entry !== undefined) entry.enabled = !entry.enabled;
}

function switchEntry<R extends { readonly id: string }, E extends { readonly id: string }>(s: { readonly rules: readonly R[]; readonly events: readonly E[] }, path: string): R | E | undefined {
  const p = parseSwitchPath(path);
  if (p === undefined) return undefined;
  return p.kind === 'rules' ? s.rules.find((r) => r.id === p.id) : s.events.find((e) => e.id === p.id);
}
