import { candidateCodeAt } from '../model/names.js';
import type { Reason } from '../model/results.js';
import { FIXED_REASON_COUNT, FIXED_REASONS, FixedReason, NO_ACTOR, type FixedReasonValue } from './codes.js';
import type { CompiledModel } from './model.js';
import { assertNever } from './tables.js';

/**
 * The readable reason behind a reason code, citing the source of the value it comes from;
 * `ally` (an index) lets a threat or a failed ratification cite that Ally's own source.
 */
export function describeReason(m: CompiledModel, code: number, ally = NO_ACTOR): Reason {
  if (code < FIXED_REASON_COUNT) {
    const { kind, label } = FIXED_REASONS[code]!;
    return withSource({ kind, label }, fixedReasonSource(m, code as FixedReasonValue, ally));
  }
  if (code < m.reasonOfRule) {
    const p = m.scenario.preconditions[code - m.reasonOfPrecondition]!;
    return withSource({ kind: 'precondition', id: p.id, label: `${p.label} not met` }, p.threshold.source ?? p.level.source);
  }
  if (code < m.reasonOfEvent) {
    const id = m.rules[code - m.reasonOfRule]!.id;
    const rule = m.scenario.rules.find((r) => r.id === id)!;
    return { kind: 'rule', id, label: rule.text, source: rule.source };
  }
  const id = m.events[code - m.reasonOfEvent]!.id;
  const event = m.scenario.events.find((e) => e.id === id)!;
  return { kind: 'event', id, label: event.label, source: event.source };
}

function fixedReasonSource(m: CompiledModel, code: FixedReasonValue, ally: number): string | undefined {
  const sc = m.scenario;
  const a = ally === NO_ACTOR ? undefined : sc.allies.find((x) => x.code === m.allyCodes[ally]);
  switch (code) {
    case FixedReason.threat:
      return a?.threat.source;
    case FixedReason.propensity:
      return a?.consent.source;
    case FixedReason.special_status:
      return sc.process.specialTrack.consentPenalty.source;
    case FixedReason.not_interested:
      return sc.candidate.interest.source;
    case FixedReason.domestic_opposition:
      return sc.candidate.domesticOpposition.source;
    case FixedReason.withdrawal:
      return sc.candidate.withdrawal.source;
    case FixedReason.ratification_vote:
    case FixedReason.never_passes:
      return a?.ratification.pass.source;
    case FixedReason.min_years:
      return sc.process.standardPath.minYears.source;
    case FixedReason.horizon:
      return undefined;
    case FixedReason.next_meeting:
      return 'S50 (§1.6)';
    case FixedReason.no_council:
      return 'S7';
    default:
      return assertNever(code);
  }
}

function withSource(r: Reason, source: string | undefined): Reason {
  return source === undefined ? r : { ...r, source };
}

/** Code and name of an actor slot: an Ally, several Allies alike (the slot after the last Ally), or the candidate / the process for NO_ACTOR. */
export function describeActor(m: CompiledModel, actor: number, exitRole: string, year = m.startYear): { code: string; name: string } {
  if (actor === NO_ACTOR) {
    // The candidate as of the year (its former code up to a change its name gives).
    if (exitRole === 'candidate') return { code: candidateCodeAt(m.scenario.candidate, year), name: m.scenario.candidate.name };
    return { code: 'NATO', name: 'The accession process' };
  }
  if (actor === m.allyCount) return { code: 'TIE', name: 'Several Allies alike (none stands out)' };
  const code = m.allyCodes[actor]!;
  const ally = m.scenario.allies.find((a) => a.code === code)!;
  return { code, name: ally.name };
}
