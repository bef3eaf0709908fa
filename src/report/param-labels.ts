import { EFFECTS, type EffectKindSpec } from '../model/catalog/effects.js';
import { resolveParamPath } from '../model/catalog/parameters.js';
import type { Scenario } from '../model/scenario.js';
import { parseSwitchPath } from '../scenario/switch-paths.js';

/** A switch's name, `rule common-home` or `event "Warsaw Pact founded"`; undefined for a path that switches nothing of the scenario. */
export function switchName(s: Scenario, path: string): string | undefined {
  const switched = parseSwitchPath(path);
  if (switched === undefined) return undefined;
  if (switched.kind === 'rules' && s.rules.some((r) => r.id === switched.id)) return `rule ${switched.id}`;
  const event = switched.kind === 'events' ? s.events.find((e) => e.id === switched.id) : undefined;
  return event === undefined ? undefined : `event "${event.label}"`;
}

/**
 * A reader's name for a parameter path: "Russia: chance it accepts the standard path",
 * "United States: consent", "Istanbul pledges kept: level". The catalog (model/catalog/) names
 * each value; this names its owner. Unknown shapes come back as the path.
 */
export function paramLabel(s: Scenario, path: string): string {
  const name = switchName(s, path);
  if (name !== undefined) return `${name}: on or off`;
  const at = resolveParamPath(path);
  if (at === undefined) return path;
  if ('effect' in at) {
    const owner = at.scope === 'rule' ? s.rules.find((r) => r.id === at.owner) : s.events.find((e) => e.id === at.owner);
    const effect = owner?.effects[at.effect];
    if (effect === undefined) return path;
    return `${at.scope} ${at.owner}: ${(EFFECTS[effect.kind] as EffectKindSpec).label ?? effect.kind}`;
  }
  const label = at.entry.label;
  switch (at.scope) {
    case 'candidate':
      // "Soviet Union (Russia from 1991-12)" reads as "Soviet Union" in a label.
      return `${s.candidate.name.replace(/\s*\(.*\)\s*$/, '')}: ${label}`;
    case 'process':
      return label;
    case 'precondition': {
      const p = s.preconditions.find((x) => x.id === at.owner);
      return p === undefined ? path : `${p.label}: ${label}`;
    }
    case 'ally': {
      const a = s.allies.find((x) => x.code === at.owner);
      if (a === undefined) return path;
      if (at.precondition !== undefined) return `${a.name}: ${label} "${s.preconditions.find((p) => p.id === at.precondition)?.label ?? at.precondition}"`;
      return `${a.name}: ${label}`;
    }
    case 'event': {
      const e = s.events.find((x) => x.id === at.owner);
      return e === undefined ? path : `event "${e.label}": ${label}`;
    }
    case 'rule':
      return path;
  }
}
