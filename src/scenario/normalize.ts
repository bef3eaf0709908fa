import type { Param } from '../model/distribution.js';
import { SETTLED_AT_HORIZON } from '../model/outcome.js';
import { PROCEDURES, procedureAt, type ProcedureId } from '../model/procedures.js';
import type { Candidate, DecisionPoint, Precondition, Process, Scenario } from '../model/scenario.js';
import { DEFAULTS } from './defaults.js';
import { normalizeAllies } from './normalize-allies.js';
import { coCandidateTargetWarnings, toEvent, toRule } from './normalize-rules.js';
import { paramOrDefault, toParam } from './params.js';
import { factSheetRange, unknownSourceIds } from './unknown-sources.js';
import type { ParamInput, ScenarioDocument } from './schema.js';

/**
 * A validated document as the model's Scenario: shorthands expanded, every default filled in.
 * Each default that stands in for a number the author left out adds a warning naming the field.
 * Expects a document that passed the schema and the cross-field checks.
 */
export function normalizeScenario(doc: ScenarioDocument): { scenario: Scenario; warnings: string[] } {
  const warnings: string[] = [];
  const decisionPoint = toDecisionPoint(doc.decisionPoint);
  const scenario: Scenario = {
    id: doc.id,
    title: doc.title,
    description: doc.description ?? '',
    decisionPoint,
    sources: { ...doc.sources },
    candidate: toCandidate(doc.candidate, warnings),
    process: toProcess(doc.process, decisionPoint, warnings),
    preconditions: doc.preconditions.map((p) => toPrecondition(p, warnings)),
    allies: normalizeAllies(doc, warnings),
    rules: (doc.rules ?? []).map((r) => toRule(r, warnings)),
    events: (doc.events ?? []).map((e) => toEvent(e, decisionPoint, warnings)),
    ...(doc.baseline !== undefined && { baseline: doc.baseline }),
    ...(doc.observed !== undefined && { observed: { ...doc.observed } }),
  };
  coCandidateTargetWarnings(doc, warnings);
  observedBeforeHorizonWarning(doc, warnings);
  const unknown = unknownSourceIds(scenario);
  if (unknown.length > 0) {
    warnings.push(`cites ${unknown.join(', ')}, which neither the fact sheet (${factSheetRange()}; article10 sources) nor the file's sources define: a reader cannot look ${unknown.length === 1 ? 'it' : 'them'} up`);
  }
  return { scenario, warnings };
}

/** A record of an ending dated to the horizon (SETTLED_AT_HORIZON), given at an earlier year, is scored at two years: said so. */
function observedBeforeHorizonWarning(doc: ScenarioDocument, warnings: string[]): void {
  const o = doc.observed;
  const horizon = doc.decisionPoint.horizon;
  if (o === undefined || !SETTLED_AT_HORIZON.has(o.outcome) || o.year >= horizon) return;
  warnings.push(
    `observed: ${o.outcome} is how a branch stands at the horizon (${horizon}), while the record is given at ${o.year}: P(observed) reads "not a member by ${o.year}" and the outcome Brier score reads the endings at ${horizon}; a horizon of ${o.year} scores both at the year the record stands at`,
  );
}

function toDecisionPoint(d: ScenarioDocument['decisionPoint']): DecisionPoint {
  return {
    year: d.year,
    horizon: d.horizon,
    label: d.label.trim(),
    context: d.context.trim(),
    ...(d.date !== undefined && { date: d.date }),
    ...(d.source !== undefined && { source: d.source }),
  };
}

function toCandidate(c: ScenarioDocument['candidate'], warnings: string[]): Candidate {
  const fallback = DEFAULTS.candidate;
  return {
    name: c.name,
    code: c.code,
    interest: paramOrDefault(c.interest, fallback.interest, 'candidate.interest', warnings),
    domesticOpposition: paramOrDefault(c.domesticOpposition, fallback.domesticOpposition, 'candidate.domesticOpposition', warnings),
    acceptsStandardPath: paramOrDefault(c.acceptsStandardPath, fallback.acceptsStandardPath, 'candidate.acceptsStandardPath', warnings),
    withdrawal: paramOrDefault(c.withdrawal, fallback.withdrawal, 'candidate.withdrawal', warnings),
    coCandidates: c.coCandidates ?? [],
    ...(c.formerCode === undefined ? {} : { formerCode: c.formerCode }),
  };
}

function toProcess(p: ScenarioDocument['process'], decisionPoint: DecisionPoint, warnings: string[]): Process {
  const fallback = DEFAULTS.process;
  const param = (value: ParamInput | undefined, def: Param, field: string) => paramOrDefault(value, def, `process.${field}`, warnings);
  if (p?.mapIntroduced === undefined) warnings.push(`process.mapIntroduced not set: using default ${fallback.mapIntroduced}`);
  if (p?.procedure !== undefined) {
    const counterfactual = counterfactualProcedure(p.procedure, decisionPoint);
    if (counterfactual !== undefined) warnings.push(counterfactual);
  }
  return {
    ...(p?.procedure === undefined ? {} : { procedure: p.procedure }),
    mapIntroduced: p?.mapIntroduced ?? fallback.mapIntroduced,
    standardPath: {
      minYears: param(p?.standardPath?.minYears, fallback.standardPath.minYears, 'standardPath.minYears'),
      readiness: param(p?.standardPath?.readiness, fallback.standardPath.readiness, 'standardPath.readiness'),
    },
    specialTrack: {
      minYears: param(p?.specialTrack?.minYears, fallback.specialTrack.minYears, 'specialTrack.minYears'),
      readiness: param(p?.specialTrack?.readiness, fallback.specialTrack.readiness, 'specialTrack.readiness'),
      consentPenalty: param(p?.specialTrack?.consentPenalty, fallback.specialTrack.consentPenalty, 'specialTrack.consentPenalty'),
    },
    protocolMonths: param(p?.protocolMonths, fallback.protocolMonths, 'protocolMonths'),
    cohesion: param(p?.cohesion, fallback.cohesion, 'cohesion'),
  };
}

/**
 * A named procedure that was not the one in force on the decision date: the file applies it to
 * every year, which is a counterfactual of its own and worth saying (fast_track in 1994).
 */
function counterfactualProcedure(id: ProcedureId, d: DecisionPoint): string | undefined {
  const decided = d.date ?? `${String(d.year).padStart(4, '0')}-01-01`;
  const named = PROCEDURES.findIndex((p) => p.id === id);
  const inForce = procedureAt(decided);
  if (named === inForce) return undefined;
  const next = PROCEDURES[named + 1];
  const when = named > inForce ? `dates from ${PROCEDURES[named]!.from}` : `gave way on ${next!.from} to ${next!.id}`;
  return `process.procedure ${id} ${when}, but the decision on ${decided} fell under ${PROCEDURES[inForce]!.id}: every year is run under ${id}, a counterfactual procedure`;
}

function toPrecondition(p: ScenarioDocument['preconditions'][number], warnings: string[]): Precondition {
  const fallback = DEFAULTS.precondition;
  const field = (name: string) => `preconditions.${p.id}.${name}`;
  return {
    id: p.id,
    label: p.label.trim(),
    basis: p.basis ?? fallback.basis,
    level: toParam(p.level),
    drift: paramOrDefault(p.drift, fallback.drift, field('drift'), warnings),
    volatility: paramOrDefault(p.volatility, fallback.volatility, field('volatility'), warnings),
    threshold: paramOrDefault(p.threshold, fallback.threshold, field('threshold'), warnings),
  };
}
