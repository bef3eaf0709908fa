import { produce, type Draft } from 'immer';
import type { Param } from '../model/distribution.js';
import { scenarioParams } from '../model/catalog/owners.js';
import type { Scenario } from '../model/scenario.js';

/**
 * Every numeric parameter of a scenario has a path, the same the engine's parameter table
 * and `--set` use: `candidate.interest`, `allies.US.consent`, `allies.US.weights.istanbul`,
 * `allies.US.ratification.months`, `preconditions.istanbul.level`, `process.cohesion`,
 * `rules.<id>.effects.<i>.delta`, `events.<id>.hazard`, ... Analyses (sweeps, sensitivity,
 * discovery, rewrite distance) name parameters by these paths.
 */
// All numeric parameters of a scenario, in the catalog's order (see model/catalog/).
export { scenarioParams, type ParamEntry } from '../model/catalog/owners.js';

/** The parameter at a path, or undefined when the scenario has none there. */
export function getParam(s: Scenario, path: string): Param | undefined {
  return scenarioParams(s).find((e) => e.path === path)?.param;
}

/** A copy of the scenario with the parameter at `path` replaced; undefined when the path does not exist. */
export function setParam(s: Scenario, path: string, param: Param): Scenario | undefined {
  if (getParam(s, path) === undefined) return undefined;
  return produce(s, (draft) => void setParamIn(draft, path, param));
}

/** Replaces the parameter at `path` inside an immer draft (an undoable edit's recipe); false when the path does not exist. */
export function setParamIn(draft: Draft<Scenario>, path: string, param: Param): boolean {
  const slot = locate(draft, path.split('.'));
  if (slot === undefined) return false;
  slot.holder[slot.key] = param as Draft<Param>;
  return true;
}

/** The object holding the parameter and its key, following ids and codes through lists. */
function locate(draft: Draft<Scenario>, parts: readonly string[]): { holder: Record<string, Draft<Param>>; key: string } | undefined {
  let node: unknown = draft;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i]!;
    if (Array.isArray(node)) node = node.find((x: { id?: string; code?: string }) => x.id === part || x.code === part) ?? node[Number(part)];
    else if (node !== null && typeof node === 'object' && Object.hasOwn(node, part)) node = (node as Record<string, unknown>)[part];
    else return undefined;
  }
  const key = parts[parts.length - 1]!;
  return node !== null && typeof node === 'object' ? { holder: node as Record<string, Draft<Param>>, key } : undefined;
}
