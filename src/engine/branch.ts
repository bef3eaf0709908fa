import { ExitCode, FixedReason, NO_ACTOR, StageCode, TrackCode } from './codes.js';
import { liftHoldouts, ratify, vote } from './council.js';
import { applyRules, fireEvents } from './effects.js';
import { finish } from './finish.js';
import { levelAtStartOf, levelOf, metOf, newMetEpoch, resetLevels, takeAllMet } from './levels.js';
import { Actor, type CompiledModel } from './model.js';
import { fillF64, fillI32, fillU8, clamp01 } from './numbers.js';
import { Phase, sampleParams } from './params.js';
import { chance, Purpose, yearKey } from './rng.js';
import type { BranchState } from './state.js';
import type { Tracer } from './trace.js';

/**
 * One branch of history, walked year by year from the decision point to the horizon:
 * interest → application → MAP, dialogue or special track → invitation by unanimity of
 * the members of that date → ratification by each → deposit → member.
 *
 * Every random decision draws from its own place (year, actor, purpose), so two
 * scenarios that differ in one assumption differ only through it. Allocation-free
 * unless a tracer is given.
 */
export function runBranch(m: CompiledModel, s: BranchState, key: number, trace: Tracer | null): void {
  // Most branches never apply: they are walked without the rules nobody notices until the
  // candidate does. A branch that applies is walked again in full, with the same draws.
  if (trace === null && m.quietWhileIdle) {
    s.skipQuiet = true;
    walk(m, s, key, null);
    s.skipQuiet = false;
    if (s.stage === StageCode.done) return;
  }
  walk(m, s, key, trace);
}

/** A branch walked in full from its start, whatever a first walk found (see idle-walk.ts). */
export function walkInFull(m: CompiledModel, s: BranchState, key: number): void {
  walk(m, s, key, null);
}

/** A branch that reached the horizon without applying, as walked elsewhere (see idle-walk.ts). */
export function endIdle(m: CompiledModel, s: BranchState, interested: boolean, interestWorstReason: number): void {
  s.year = m.horizon;
  s.reachedInterested = interested;
  s.reachedApplied = s.reachedInvited = s.reachedRatified = false;
  s.entryTrack = TrackCode.none;
  s.objectorCount = 0;
  finish(m, s, ExitCode.no_application, NO_ACTOR, idleReason(interested, interestWorstReason), null);
}

/** Why a candidate never applied: domestic opposition stopped it, or else what damped its interest most. */
function idleReason(everInterested: boolean, interestWorstReason: number): number {
  if (everInterested) return FixedReason.domestic_opposition;
  return interestWorstReason >= 0 ? interestWorstReason : FixedReason.not_interested;
}

function walk(m: CompiledModel, s: BranchState, key: number, trace: Tracer | null): void {
  reset(m, s, key);
  for (let year = m.startYear; year <= m.horizon; year++) {
    s.year = year;
    s.yearKey = s.yearKeys[year - m.startYear] = yearKey(key, year);
    newMetEpoch(s, false);
    fireEvents(m, s, trace);
    applyRules(m, s, trace);
    step(m, s, trace);
    if (s.stage === StageCode.done || (s.skipQuiet && s.stage !== StageCode.idle)) return;
  }
  s.year = m.horizon;
  endAtHorizon(m, s, trace);
}

function reset(m: CompiledModel, s: BranchState, key: number): void {
  s.key = key;
  s.key0 = yearKey(key, 0);
  // Fixed values were written when the state was made; only distributions change per branch,
  // and those of votes and ratification only once the branch gets there.
  sampleParams(m.params, key, s.values, m.params.randomByPhase[Phase.start]);
  s.voteParamsDrawn = false;
  s.allyVoteDrawn = 0;
  s.ratificationParamsDrawn = false;
  s.stage = StageCode.idle;
  s.track = TrackCode.none;
  s.entryTrack = TrackCode.none;
  s.everInterested = false;
  s.blockedByRule = -1;
  s.blockedByEvent = -1;
  s.interestShift = s.withdrawalShift = s.standardPathShift = s.delayShift = 0;
  s.interestWorst = 0;
  s.interestWorstReason = -1;
  s.ruleInterest = s.ruleWithdrawal = s.ruleStandardPath = s.ruleDelay = 0;
  s.ratificationFailAlly = -1;
  s.slowestAlly = -1;
  s.exit = -1;
  s.blockerActor = NO_ACTOR;
  s.blockerReason = FixedReason.propensity;
  s.reachedInterested = s.reachedApplied = s.reachedInvited = s.reachedRatified = false;
  s.objectorCount = 0;
  s.anyHolding = false;
  s.firedForVote = s.firedForVoteApplied = 0;
  resetLevels(m, s);
  // Arrays only events and votes write to are cleared only if this state saw any.
  // Rules' hazard shifts are read by the first year's events, before the year's rules run.
  if (s.ruleHazardDirty) {
    fillF64(s.ruleHazard, 0);
    s.ruleHazardDirty = false;
  }
  if (s.eventsTouched) {
    fillU8(s.eventFired, 0);
    fillF64(s.hazardShift, 0);
    s.eventsTouched = false;
  }
  if (s.ownedDrawn) {
    fillU8(s.ruleParamsDrawn, 0);
    fillU8(s.eventParamsDrawn, 0);
    s.ownedDrawn = false;
  }
  // `consented` needs no clearing: a vote reads it only for Allies that voted earlier in the branch.
  if (s.holdingTouched) {
    fillU8(s.holding, 0);
    s.holdingTouched = false;
  }
  if (s.consentShiftTouched) {
    fillF64(s.consentShift, 0);
    fillF64(s.consentShiftWorst, 0);
    fillI32(s.consentShiftWorstEvent, -1);
    s.consentShiftTouched = false;
  }
}

function step(m: CompiledModel, s: BranchState, trace: Tracer | null): void {
  let appliedNow = false;
  if (s.stage === StageCode.idle) {
    appliedNow = considerApplying(m, s, trace);
    // A walk that skips quiet rules ends at the application: the branch is walked again in full.
    if (!appliedNow || s.skipQuiet) return;
  }
  // Withdrawal is checked every year after the application year, up to membership.
  if (!appliedNow && withdraws(m, s, trace)) return;
  if (s.stage === StageCode.preparation) prepare(m, s, trace);
  if (s.stage === StageCode.ratification) ratify(m, s, trace);
}

function considerApplying(m: CompiledModel, s: BranchState, trace: Tracer | null): boolean {
  const pInterest = s.values[m.interest]! + s.interestShift + s.ruleInterest;
  const interested = chance(s.yearKey, m.actors[Actor.candidate]!, Purpose.interest, pInterest);
  if (trace !== null) trace.push({ kind: 'interest', year: s.year, p: clamp01(pInterest), interested });
  if (!interested) return false;
  s.everInterested = true;
  s.reachedInterested = true;
  const pStop = s.values[m.opposition]!;
  const stopped = chance(s.yearKey, m.actors[Actor.candidate]!, Purpose.opposition, pStop);
  if (trace !== null) trace.push({ kind: 'opposition', year: s.year, p: clamp01(pStop), stopped });
  if (stopped) return false;

  sampleParams(m.params, s.key, s.values, m.params.randomByPhase[Phase.application]);
  const pStandard = s.values[m.standardPath]! + s.standardPathShift + s.ruleStandardPath;
  const standard = chance(s.yearKey, m.actors[Actor.candidate]!, Purpose.track, pStandard);
  s.track = standard ? (s.year >= m.mapYear ? TrackCode.map : TrackCode.dialogue) : TrackCode.special;
  s.entryTrack = s.track;
  s.stage = StageCode.preparation;
  s.appliedYear = s.year;
  s.reachedApplied = true;
  if (trace !== null) trace.push({ kind: 'applied', year: s.year, track: s.track, pStandard: clamp01(pStandard) });
  return true;
}

function withdraws(m: CompiledModel, s: BranchState, trace: Tracer | null): boolean {
  const p = s.values[m.withdrawal]! + s.withdrawalShift + s.ruleWithdrawal;
  if (!chance(s.yearKey, m.actors[Actor.candidate]!, Purpose.withdrawal, p)) return false;
  finish(m, s, ExitCode.withdrawn, NO_ACTOR, FixedReason.withdrawal, trace);
  return true;
}

function prepare(m: CompiledModel, s: BranchState, trace: Tracer | null): void {
  if (s.track === TrackCode.dialogue && s.year >= m.mapYear) {
    s.track = TrackCode.map;
    if (trace !== null) trace.push({ kind: 'track_changed', year: s.year, track: s.track });
  }
  if (liftHoldouts(m, s, trace)) return;
  if (s.blockedByRule >= 0 || s.blockedByEvent >= 0) {
    if (trace !== null) trace.push({ kind: 'waiting', year: s.year, reason: stallReason(m, s, false), readiness: readiness(m, s), needed: 0 });
    return;
  }
  const special = s.track === TrackCode.special;
  const neededSlot = special ? m.specialReadiness : m.standardReadiness;
  // Years are whole steps: a minimum of under half a year still allows a vote in the
  // application year (Finland applied in May 2022 and was invited in June).
  const tooSoon = s.year - s.appliedYear + 0.5 < s.values[special ? m.specialMinYears : m.standardMinYears]!;
  if (trace !== null) {
    const ready = readiness(m, s);
    const needed = s.values[neededSlot]!;
    if (tooSoon || ready < needed) {
      trace.push({ kind: 'waiting', year: s.year, reason: stallReason(m, s, false), readiness: ready, needed });
      return;
    }
  } else if (tooSoon || !isReady(m, s, neededSlot)) return;
  vote(m, s, trace);
}

function endAtHorizon(m: CompiledModel, s: BranchState, trace: Tracer | null): void {
  if (s.stage === StageCode.idle) finish(m, s, ExitCode.no_application, NO_ACTOR, idleReason(s.everInterested, s.interestWorstReason), trace);
  else if (s.stage === StageCode.preparation) {
    const holder = firstHolding(m, s);
    if (holder >= 0) finish(m, s, ExitCode.held_out, holder, s.holdingReason[holder]!, trace);
    // The levels as they stand after the horizon year's drift.
    else finish(m, s, ExitCode.map_stalled, NO_ACTOR, stallReason(m, s, true), trace);
  } else {
    const actor = s.ratificationFailAlly >= 0 ? s.ratificationFailAlly : s.slowestAlly;
    finish(m, s, ExitCode.pending_at_horizon, actor, FixedReason.horizon, trace);
  }
}

function firstHolding(m: CompiledModel, s: BranchState): number {
  for (let i = 0; i < m.allyCount; i++) if (s.holding[i] === 1) return i;
  return -1;
}

/**
 * Why no vote is held: a blocking rule or event, else the precondition furthest below its
 * threshold, now or, at the horizon, after the last year's drift.
 */
function stallReason(m: CompiledModel, s: BranchState, atHorizon: boolean): number {
  if (s.blockedByRule >= 0) return m.reasonOfRule + s.blockedByRule;
  if (s.blockedByEvent >= 0) return m.reasonOfEvent + s.blockedByEvent;
  let worstGap = 0;
  let worst = -1;
  for (let k = 0; k < m.preconditionCount; k++) {
    const level = atHorizon ? levelAtStartOf(m, s, k, m.horizon + 1) : levelOf(m, s, k);
    const gap = level - s.values[m.threshold[k]!]!;
    if (gap < worstGap) {
      worstGap = gap;
      worst = k;
    }
  }
  return worst >= 0 ? m.reasonOfPrecondition + worst : FixedReason.min_years;
}

/**
 * Whether readiness reaches the share needed (parameter `neededSlot`), reading levels only
 * until that is decided: a level not read now catches up, with the same draws, when something
 * reads it (see levels.ts), and a branch that later withdraws never draws it at all. It takes
 * the slot, not the number: a number passed to a call V8 does not inline is boxed.
 */
function isReady(m: CompiledModel, s: BranchState, neededSlot: number): boolean {
  const needed = s.values[neededSlot]!;
  const k = m.preconditionCount;
  if (k === 0) return 1 >= needed;
  let met = 0;
  for (let j = 0; j < k; j++) {
    met += metOf(m, s, j);
    if (met / k >= needed) return true;
    if ((met + k - 1 - j) / k < needed) return false;
  }
  return met / k >= needed;
}

function readiness(m: CompiledModel, s: BranchState): number {
  if (m.preconditionCount === 0) return 1;
  takeAllMet(m, s);
  let met = 0;
  for (let k = 0; k < m.preconditionCount; k++) met += s.met[k]!;
  return met / m.preconditionCount;
}
