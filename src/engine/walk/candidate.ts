import { Actor, FixedReason, StageCode, TrackCode } from '../codes.js';
import type { CompiledModel } from '../model.js';
import { clamp01 } from '../numbers.js';
import { Phase, sampleParams } from '../params.js';
import { chance, monthOfYear, Purpose } from '../rng.js';
import { hasMap } from './preparation.js';
import type { BranchState } from './state.js';
import type { Tracer } from './trace.js';

/**
 * The will to apply: each year an idle candidate's leadership may want membership, domestic
 * opposition may stop it, and if not it applies and chooses the standard path or demands
 * special status. Once applied it may withdraw in any later year, and apply again.
 */

/** Whether the candidate applies this year; if it does, it is in preparation on its track. */
export function considerApplying(m: CompiledModel, s: BranchState, trace: Tracer | null): boolean {
  const candidate = m.actors[Actor.candidate]!;
  // Each chance: its parameter plus the shifts of events and of this year's rules.
  const pInterest = s.values[m.interest]! + s.interestShift + s.ruleInterest;
  const interested = chance(s.yearKey, candidate, Purpose.interest, pInterest);
  if (trace !== null) trace.push({ kind: 'interest', year: s.year, p: clamp01(pInterest), interested });
  if (!interested) return false;
  s.everInterested = true;
  s.reachedInterested = true;
  const pStop = s.values[m.opposition]!;
  const stopped = chance(s.yearKey, candidate, Purpose.opposition, pStop);
  if (trace !== null) trace.push({ kind: 'opposition', year: s.year, p: clamp01(pStop), stopped });
  if (stopped) return false;

  sampleParams(m.params, s.key, s.values, m.params.randomByPhase[Phase.application]);
  const pStandard = s.values[m.standardPath]! + s.standardPathShift + s.ruleStandardPath;
  const standard = chance(s.yearKey, candidate, Purpose.track, pStandard);
  s.track = standard ? (hasMap(m, s.year) ? TrackCode.map : TrackCode.dialogue) : TrackCode.special;
  s.entryTrack = s.track;
  s.stage = StageCode.preparation;
  // The decision point's date is the moment the candidate may apply; a later year's application falls in a month of its own.
  s.appliedMonth = s.month = s.year === m.startYear ? m.startMonth : s.year * 12 + monthOfYear(s.yearKey, candidate, Purpose.applicationMonth);
  s.reachedApplied = true;
  if (trace !== null) trace.push({ kind: 'applied', year: s.year, month: s.month, track: s.track, pStandard: clamp01(pStandard) });
  return true;
}

/**
 * The month the candidate withdraws its application in this year, or Infinity. A withdrawal
 * suspends the candidacy, it does not end the branch: the candidate is idle again and may apply
 * anew in a later year (Ukraine declared itself non-aligned in 2010 and sought membership again
 * from 2014). A branch still idle at the horizon after a withdrawal ends `withdrawn`.
 */
export function withdrawalMonth(m: CompiledModel, s: BranchState): number {
  const p = s.values[m.withdrawal]! + s.withdrawalShift + s.ruleWithdrawal;
  const candidate = m.actors[Actor.candidate]!;
  if (!chance(s.yearKey, candidate, Purpose.withdrawal, p)) return Infinity;
  // In a month of the year, not before the procedure's last act.
  return Math.max(s.month, s.year * 12 + monthOfYear(s.yearKey, candidate, Purpose.withdrawalMonth));
}

/** The candidate withdraws in `month` (what the procedure did before it that year stands). */
export function withdraw(s: BranchState, month: number, trace: Tracer | null): void {
  s.stage = StageCode.idle;
  s.track = TrackCode.none;
  s.endVotes();
  s.month = s.withdrewMonth = Math.max(s.month, month);
  if (trace !== null) trace.push({ kind: 'withdrew', year: s.year, month: s.month });
}

/** Why a candidate never applied: domestic opposition stopped it, or else what damped its interest most. */
export function idleReason(everInterested: boolean, interestWorstReason: number): number {
  if (everInterested) return FixedReason.domestic_opposition;
  return interestWorstReason >= 0 ? interestWorstReason : FixedReason.not_interested;
}
