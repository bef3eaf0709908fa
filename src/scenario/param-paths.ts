import { produce, type Draft } from 'immer';
import type { Param } from '../model/distribution.js';
import type { Effect, Scenario } from '../model/scenario.js';

/**
 * Every numeric parameter of a scenario has a path, the same the engine's parameter table
 * and `--set` use: `candidate.interest`, `allies.US.consent`, `allies.US.weights.istanbul`,
 * `allies.US.ratification.months`, `preconditions.istanbul.level`, `process.cohesion`,
 * `rules.<id>.effects.<i>.delta`, `events.<id>.hazard`, ... Analyses (sweeps, sensitivity,
 * discovery, rewrite distance) name parameters by these paths.
 */
export interface ParamEntry {
  readonly path: string;
  readonly param: Param;
}

const CANDIDATE = ['interest', 'domesticOpposition', 'acceptsStandardPath', 'withdrawal'] as const;
const PRECONDITION = ['level', 'drift', 'volatility', 'threshold'] as const;
const ALLY = ['consent', 'threat', 'holdoutLift'] as const;

/** All numeric parameters of a scenario, in a fixed order. */
export function scenarioParams(s: Scenario): ParamEntry[] {
  const out: ParamEntry[] = [];
  for (const f of CANDIDATE) out.push({ path: `candidate.${f}`, param: s.candidate[f] });
  out.push({ path: 'process.standardPath.minYears', param: s.process.standardPath.minYears });
  out.push({ path: 'process.standardPath.readiness', param: s.process.standardPath.readiness });
  out.push({ path: 'process.specialTrack.minYears', param: s.process.specialTrack.minYears });
  out.push({ path: 'process.specialTrack.readiness', param: s.process.specialTrack.readiness });
  out.push({ path: 'process.specialTrack.consentPenalty', param: s.process.specialTrack.consentPenalty });
  out.push({ path: 'process.protocolMonths', param: s.process.protocolMonths });
  out.push({ path: 'process.cohesion', param: s.process.cohesion });
  for (const p of s.preconditions) for (const f of PRECONDITION) out.push({ path: `preconditions.${p.id}.${f}`, param: p[f] });
  for (const a of s.allies) {
    for (const f of ALLY) out.push({ path: `allies.${a.code}.${f}`, param: a[f] });
    for (const [id, w] of Object.entries(a.weights)) out.push({ path: `allies.${a.code}.weights.${id}`, param: w });
    out.push({ path: `allies.${a.code}.ratification.pass`, param: a.ratification.pass });
    out.push({ path: `allies.${a.code}.ratification.months`, param: a.ratification.months });
  }
  for (const r of s.rules) r.effects.forEach((e, i) => pushEffect(out, `rules.${r.id}.effects.${i}`, e));
  for (const e of s.events) {
    out.push({ path: `events.${e.id}.hazard`, param: e.hazard });
    e.effects.forEach((fx, i) => pushEffect(out, `events.${e.id}.effects.${i}`, fx));
  }
  return out;
}

function pushEffect(out: ParamEntry[], path: string, e: Effect): void {
  if (e.kind === 'block') return;
  if (e.kind === 'delay') out.push({ path: `${path}.months`, param: e.months });
  else out.push({ path: `${path}.delta`, param: e.delta });
}

/** The parameter at a path, or undefined when the scenario has none there. */
export function getParam(s: Scenario, path: string): Param | undefined {
  return scenarioParams(s).find((e) => e.path === path)?.param;
}

/** A copy of the scenario with the parameter at `path` replaced; undefined when the path does not exist. */
export function setParam(s: Scenario, path: string, param: Param): Scenario | undefined {
  if (getParam(s, path) === undefined) return undefined;
  return produce(s, (draft) => {
    const slot = locate(draft, path.split('.'));
    if (slot !== undefined) slot.holder[slot.key] = param as Draft<Param>;
  });
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
