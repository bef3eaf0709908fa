import { effectSize, effectTarget, type AllySelector } from '../model/catalog/effects.js';
import type { Distribution, Param } from '../model/distribution.js';
import { rosterEntry } from '../model/roster.js';
import type { Ally, Candidate, Condition, DecisionPoint, Effect, Precondition, Process, Ratification, Rule, Scenario, ScenarioEvent } from '../model/scenario.js';

/**
 * A loaded Scenario written back in the authoring format of scenarios/FORMAT.md: the
 * shapes a person types, so a saved file reads like a hand-written one. Pure.
 */
export type AuthoringValue = number | string | boolean | readonly AuthoringValue[] | AuthoringMap;
export interface AuthoringMap {
  readonly [key: string]: AuthoringValue;
}

/**
 * Every field of T, written or deliberately left undefined: a field added to the model and
 * forgotten here fails to compile instead of silently vanishing from saved files.
 */
type Fields<T> = { readonly [K in keyof T & string]: AuthoringValue | undefined };

/** A param as `0.3`, `{ value, source }` or `{ dist, ..., source }`. */
export function paramToAuthoring(p: Param): AuthoringValue {
  const extra: Record<string, string> = {};
  if (p.source !== undefined) extra.source = p.source;
  if (p.note !== undefined) extra.note = p.note;
  if (p.dist.kind === 'fixed' && Object.keys(extra).length === 0) return p.dist.value;
  return { ...distributionFields(p.dist), ...extra };
}

function distributionFields(d: Distribution): AuthoringMap {
  switch (d.kind) {
    case 'fixed':
      return { value: d.value };
    case 'uniform':
      return { dist: 'uniform', min: d.min, max: d.max };
    case 'triangular':
      return { dist: 'triangular', min: d.min, mode: d.mode, max: d.max };
    case 'beta':
      // min/max default to 0..1: leave them out when they are the default.
      return d.min === 0 && d.max === 1 ? { dist: 'beta', alpha: d.alpha, beta: d.beta } : { dist: 'beta', alpha: d.alpha, beta: d.beta, min: d.min, max: d.max };
    case 'normal':
      return { dist: 'normal', mean: d.mean, sd: d.sd, min: d.min, max: d.max };
    case 'bernoulli':
      return { dist: 'bernoulli', p: d.p };
  }
}

/** True for the authoring shape of a param: such a map is replaced whole, never merged field by field. */
export function isAuthoringParam(v: AuthoringValue): boolean {
  return typeof v === 'number' || (isAuthoringMap(v) && ('value' in v || 'dist' in v));
}

export function isAuthoringMap(v: AuthoringValue | undefined): v is AuthoringMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function conditionToAuthoring(c: Condition): AuthoringMap {
  switch (c.kind) {
    case 'all':
      return { all: c.of.map(conditionToAuthoring) };
    case 'any':
      return { any: c.of.map(conditionToAuthoring) };
    case 'not':
      return { not: conditionToAuthoring(c.of) };
    case 'year':
      return { year: defined({ from: c.from, to: c.to }) };
    case 'stage':
      return { stage: c.is };
    case 'track':
      return { track: c.is };
    case 'met':
      return { met: c.precondition };
    case 'level':
      return defined({ level: c.precondition, below: c.below, atLeast: c.atLeast });
    case 'event':
      return { event: c.occurred };
    case 'member':
      return { member: c.ally };
  }
}

/** An effect as a file writes it: `{ kind, <target>, <size> }`, following its row in the catalog. */
export function effectToAuthoring(e: Effect): AuthoringMap {
  const effect: Record<string, AuthoringValue> = { kind: e.kind };
  const target = effectTarget<AllySelector>(e);
  if (target !== undefined) effect[target.kind] = target.kind === 'allies' ? (target.value.kind === 'all' ? 'all' : [...target.value.codes]) : target.value;
  const size = effectSize<Param>(e);
  if (size !== undefined) effect[size.field] = paramToAuthoring(size.param);
  return effect;
}

function preconditionToAuthoring(p: Precondition): AuthoringMap {
  return defined({
    id: p.id,
    label: p.label,
    basis: p.basis,
    level: paramToAuthoring(p.level),
    drift: paramToAuthoring(p.drift),
    volatility: paramToAuthoring(p.volatility),
    threshold: paramToAuthoring(p.threshold),
  } satisfies Fields<Precondition>);
}

/** Every field of an Ally, written out (an Ally that took allyDefaults is listed like any other). */
export function allyToAuthoring(a: Ally): AuthoringMap {
  const roster = rosterEntry(a.code);
  const r = a.ratification;
  return defined({
    code: a.code,
    // Name and accession date come from the roster unless this Ally differs from it.
    name: roster?.name === a.name ? undefined : a.name,
    joined: roster?.joined === a.joined ? undefined : a.joined,
    consent: paramToAuthoring(a.consent),
    threat: paramToAuthoring(a.threat),
    objection: a.objection,
    holdoutLift: paramToAuthoring(a.holdoutLift),
    weights: Object.fromEntries(Object.entries(a.weights).map(([k, w]) => [k, paramToAuthoring(w)])),
    ratification: defined({ procedure: r.procedure, hurdle: r.hurdle, pass: paramToAuthoring(r.pass), months: paramToAuthoring(r.months) } satisfies Fields<Ratification>),
    // Not a field of the file: whether the loader filled this Ally from allyDefaults.
    defaulted: undefined,
  } satisfies Fields<Ally>);
}

function ruleToAuthoring(r: Rule): AuthoringMap {
  return defined({
    id: r.id,
    text: r.text,
    source: r.source,
    enabled: r.enabled,
    when: conditionToAuthoring(r.when),
    effects: r.effects.map(effectToAuthoring),
  } satisfies Fields<Rule>);
}

function eventToAuthoring(e: ScenarioEvent): AuthoringMap {
  return defined({
    id: e.id,
    label: e.label,
    source: e.source,
    historical: e.historical,
    enabled: e.enabled,
    hazard: paramToAuthoring(e.hazard),
    from: e.from,
    to: e.to,
    once: e.once,
    when: e.when === undefined ? undefined : conditionToAuthoring(e.when),
    effects: e.effects.map(effectToAuthoring),
  } satisfies Fields<ScenarioEvent>);
}

function candidateToAuthoring(c: Candidate): AuthoringMap {
  return defined({
    name: c.name,
    code: c.code,
    interest: paramToAuthoring(c.interest),
    domesticOpposition: paramToAuthoring(c.domesticOpposition),
    acceptsStandardPath: paramToAuthoring(c.acceptsStandardPath),
    withdrawal: paramToAuthoring(c.withdrawal),
    coCandidates: c.coCandidates.length > 0 ? c.coCandidates : undefined,
    formerCode: c.formerCode,
  } satisfies Fields<Candidate>);
}

function processToAuthoring(pr: Process): AuthoringMap {
  return defined({
    procedure: pr.procedure,
    mapIntroduced: pr.mapIntroduced,
    standardPath: { minYears: paramToAuthoring(pr.standardPath.minYears), readiness: paramToAuthoring(pr.standardPath.readiness) },
    specialTrack: {
      minYears: paramToAuthoring(pr.specialTrack.minYears),
      readiness: paramToAuthoring(pr.specialTrack.readiness),
      consentPenalty: paramToAuthoring(pr.specialTrack.consentPenalty),
    } satisfies Fields<Process['specialTrack']>,
    protocolMonths: paramToAuthoring(pr.protocolMonths),
    cohesion: paramToAuthoring(pr.cohesion),
  } satisfies Fields<Process>);
}

/** The whole scenario as one self-contained authoring document (no `extends`, no `allyDefaults`). */
export function scenarioToAuthoring(s: Scenario): AuthoringMap {
  const dp = s.decisionPoint;
  return defined({
    id: s.id,
    title: s.title,
    description: s.description === '' ? undefined : s.description,
    baseline: s.baseline,
    decisionPoint: defined({ year: dp.year, horizon: dp.horizon, date: dp.date, label: dp.label, context: dp.context, source: dp.source } satisfies Fields<DecisionPoint>),
    sources: { ...s.sources },
    candidate: candidateToAuthoring(s.candidate),
    process: processToAuthoring(s.process),
    preconditions: s.preconditions.map(preconditionToAuthoring),
    allies: s.allies.map(allyToAuthoring),
    rules: s.rules.map(ruleToAuthoring),
    events: s.events.map(eventToAuthoring),
    observed: s.observed === undefined ? undefined : defined({ ...s.observed }),
  } satisfies Fields<Scenario>);
}

/** Drops the keys whose value is undefined: optional fields are left out, not written as null. */
function defined(fields: Record<string, AuthoringValue | undefined>): AuthoringMap {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as AuthoringMap;
}
