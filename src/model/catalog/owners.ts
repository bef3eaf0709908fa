import type { Param } from '../distribution.js';
import type { Scenario } from '../scenario.js';
import { effectSize, type Effect } from './effects.js';
import { isNumberEntry, SCOPES, SCOPE_NAMES, type NumberEntry, type ScopeName, type ScopeSpec } from './parameters.js';

/** One owner of a scope's values in a scenario: the candidate, the process, one Ally, one rule, ... */
export interface Owner {
  /** Its id or code, for a list. */
  readonly name?: string;
  /** Its position in the list. */
  readonly index: number;
  /** Where its values start in paths: `candidate`, `allies.US`. */
  readonly prefix: string;
  readonly value: Readonly<Record<string, unknown>>;
}

/** The owners of a scope in a scenario, in file order. */
export function ownersOf(s: Scenario, scope: ScopeName): Owner[] {
  const spec: ScopeSpec = SCOPES[scope];
  const section: unknown = s[spec.section];
  if (spec.key === undefined) return [{ index: 0, prefix: spec.section, value: section as Owner['value'] }];
  const key = spec.key;
  return (section as readonly Owner['value'][]).map((value, index) => {
    const name = String(value[key]);
    return { name, index, prefix: `${spec.section}.${name}`, value };
  });
}

/** The value at a dotted field of an owner (`ratification.pass`). */
export function fieldValue(owner: Owner, field: string): unknown {
  let node: unknown = owner.value;
  for (const part of field.split('.')) node = (node as Record<string, unknown>)[part];
  return node;
}

export interface ParamEntry {
  readonly path: string;
  readonly param: Param;
}

/** The parameters of one number entry of an owner: one, or one per precondition for weights. */
function entryParams(owner: Owner, entry: NumberEntry): ParamEntry[] {
  const value = fieldValue(owner, entry.field);
  const path = `${owner.prefix}.${entry.field}`;
  if (entry.perPrecondition !== true) return [{ path, param: value as Param }];
  return Object.entries(value as Readonly<Record<string, Param>>).map(([id, param]) => ({ path: `${path}.${id}`, param }));
}

/** All numeric parameters of a scenario with their paths, in the catalog's order. */
export function scenarioParams(s: Scenario): ParamEntry[] {
  const out: ParamEntry[] = [];
  for (const scope of SCOPE_NAMES) {
    const spec: ScopeSpec = SCOPES[scope];
    for (const owner of ownersOf(s, scope)) {
      for (const entry of spec.entries) if (isNumberEntry(entry)) out.push(...entryParams(owner, entry));
      if (spec.effects !== true) continue;
      (owner.value.effects as readonly Effect[]).forEach((e, i) => {
        const size = effectSize<Param>(e);
        if (size !== undefined) out.push({ path: `${owner.prefix}.effects.${i}.${size.field}`, param: size.param });
      });
    }
  }
  return out;
}
