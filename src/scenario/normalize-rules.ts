import { effectSize, effectTarget, type AllySelector } from '../model/catalog/effects.js';
import type { Condition, DecisionPoint, Effect, Rule, ScenarioEvent } from '../model/scenario.js';
import { DEFAULTS } from './defaults.js';
import { toParam } from './params.js';
import type { ConditionDocument, EffectDocument, ParamInput, ScenarioDocument } from './schema.js';

/** `always: true`, and a rule without `when`: the empty conjunction, which always holds. */
const ALWAYS: Condition = { kind: 'all', of: [] };

/** The schema guarantees exactly one operator per condition. */
export function toCondition(c: ConditionDocument): Condition {
  if (c.all !== undefined) return { kind: 'all', of: c.all.map(toCondition) };
  if (c.any !== undefined) return { kind: 'any', of: c.any.map(toCondition) };
  if (c.not !== undefined) return { kind: 'not', of: toCondition(c.not) };
  if (c.year !== undefined) return { kind: 'year', ...defined({ from: c.year.from, to: c.year.to }) };
  if (c.stage !== undefined) return { kind: 'stage', is: c.stage };
  if (c.track !== undefined) return { kind: 'track', is: c.track };
  if (c.met !== undefined) return { kind: 'met', precondition: c.met };
  if (c.level !== undefined) return { kind: 'level', precondition: c.level, ...defined({ below: c.below, atLeast: c.atLeast }) };
  if (c.event !== undefined) return { kind: 'event', occurred: c.event };
  if (c.member !== undefined) return { kind: 'member', ally: c.member };
  return ALWAYS;
}

/** An effect as the model holds it: `{ kind, <target>, <size> }`, following its row in the catalog. */
export function toEffect(e: EffectDocument): Effect {
  const effect: Record<string, unknown> = { kind: e.kind };
  const target = effectTarget<'all' | string[]>(e);
  if (target !== undefined) effect[target.kind] = target.kind === 'allies' ? toAllySelector(target.value) : target.value;
  const size = effectSize<ParamInput>(e);
  if (size !== undefined) effect[size.field] = toParam(size.param);
  return effect as Effect;
}

function toAllySelector(allies: 'all' | string[]): AllySelector {
  return allies === 'all' ? { kind: 'all' } : { kind: 'some', codes: allies };
}

type RuleDocument = NonNullable<ScenarioDocument['rules']>[number];
type EventDocument = NonNullable<ScenarioDocument['events']>[number];

function sourceOrDefault(source: string | undefined, field: string, warnings: string[]): string {
  if (source !== undefined) return source;
  warnings.push(`${field} not set: using "${DEFAULTS.source}"`);
  return DEFAULTS.source;
}

export function toRule(r: RuleDocument, warnings: string[]): Rule {
  return {
    id: r.id,
    text: r.text.trim(),
    source: sourceOrDefault(r.source, `rules.${r.id}.source`, warnings),
    enabled: r.enabled ?? true,
    when: r.when === undefined ? ALWAYS : toCondition(r.when),
    effects: r.effects.map(toEffect),
  };
}

/** An event without a window can happen in any simulated year. */
export function toEvent(e: EventDocument, decisionPoint: DecisionPoint, warnings: string[]): ScenarioEvent {
  // Likely a mistyped year, or a file extended with another decision point: the event can never fire.
  const from = e.from ?? decisionPoint.year;
  const to = e.to ?? decisionPoint.horizon;
  const enabled = e.enabled ?? true;
  if (enabled && (to < decisionPoint.year || from > decisionPoint.horizon)) {
    warnings.push(`events.${e.id} can happen only in ${from}–${to}, outside the decision window ${decisionPoint.year}–${decisionPoint.horizon}: it never fires`);
  } else if (enabled && e.when !== undefined && waitsFor(e.when, e.id)) {
    warnings.push(`events.${e.id} waits for itself (when: event ${e.id}): it never fires`);
  }
  return {
    id: e.id,
    label: e.label.trim(),
    source: sourceOrDefault(e.source, `events.${e.id}.source`, warnings),
    historical: e.historical ?? false,
    enabled,
    hazard: toParam(e.hazard),
    from,
    to,
    once: e.once ?? true,
    ...(e.when !== undefined && { when: toCondition(e.when) }),
    effects: (e.effects ?? []).map(toEffect),
  };
}

/**
 * Effects that name a co-candidate (a `consent` shift, a `block` by it): a co-candidate never
 * votes on nor ratifies the candidate's accession, so the effect never acts on it, as an Ally
 * entry's own vote values are never used (see normalizeAllies).
 */
export function coCandidateTargetWarnings(doc: ScenarioDocument, warnings: string[]): void {
  const coCandidates = new Set(doc.candidate.coCandidates ?? []);
  if (coCandidates.size === 0) return;
  const owners = [...(doc.rules ?? []).map((r) => ({ path: `rules.${r.id}`, effects: r.effects })), ...(doc.events ?? []).map((e) => ({ path: `events.${e.id}`, effects: e.effects ?? [] }))];
  for (const { path, effects } of owners) {
    effects.forEach((effect, j) => {
      const target = effectTarget<'all' | string[]>(effect);
      if (target === undefined) return;
      const named = target.kind === 'allies' ? (target.value === 'all' ? [] : target.value.map((code, k) => ({ code, at: `allies[${k}]` }))) : target.kind === 'ally' ? [{ code: target.value, at: 'ally' }] : [];
      for (const { code, at } of named) {
        if (coCandidates.has(code)) warnings.push(`${path}.effects[${j}].${at}: ${code} is a co-candidate, which never votes on nor ratifies the candidate's accession: this ${effect.kind} effect never acts on it`);
      }
    });
  }
}

/** Whether a condition as written requires event `id` to have happened (not under a `not`, nor as one option of an `any`). */
function waitsFor(c: ConditionDocument, id: string): boolean {
  if (c.event === id) return true;
  return (c.all ?? []).some((d) => waitsFor(d, id)) || ((c.any ?? []).length > 0 && (c.any ?? []).every((d) => waitsFor(d, id)));
}

/** The fields that are set: the model's optional fields are absent rather than undefined. */
function defined<T extends Record<string, number | undefined>>(fields: T): { [K in keyof T]?: number } {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: number };
}
