import { FixedReason, StageCode, TrackCode } from '../codes.js';
import { PROCEDURES } from '../../model/procedures.js';
import type { CompiledModel } from '../model.js';
import { liftHoldouts, vote } from './council.js';
import { levelOf, metOf, takeAllMet } from './levels.js';
import type { BranchState } from './state.js';
import type { Tracer } from './trace.js';

/**
 * Preparation, between the application and the invitation: the years the track asks for,
 * then enough preconditions met, and no block in the way, before the Council votes at its next
 * meeting. A
 * candidate on the dialogue moves to the Membership Action Plan once it exists.
 */
export function prepare(m: CompiledModel, s: BranchState, trace: Tracer | null): void {
  if (s.track === TrackCode.dialogue && hasMap(m, s.year)) {
    s.track = TrackCode.map;
    if (trace !== null) trace.push({ kind: 'track_changed', year: s.year, track: s.track });
  }
  // A vote a hold-out stops is held again at a later meeting of the same year if the objection lifts in time.
  let again = true;
  while (again) again = voteAtNextMeeting(m, s, trace) && s.stage === StageCode.preparation && s.anyHolding;
}

/** Holds the Council's vote at its next meeting this year, if one is due: returns whether it voted. */
function voteAtNextMeeting(m: CompiledModel, s: BranchState, trace: Tracer | null): boolean {
  // Objections standing from an earlier year are put again at this year's first meeting.
  const asked = s.anyHolding && s.month < s.year * 12 ? nextMeetingFrom(m, s, s.year * 12) : Infinity;
  if (liftHoldouts(m, s, asked, trace)) return false;
  if (s.blockedByRule >= 0 || s.blockedByEvent >= 0) {
    if (trace !== null) trace.push({ kind: 'waiting', year: s.year, reason: stallReason(m, s, false), readiness: readiness(m, s), needed: 0 });
    return false;
  }
  const special = s.track === TrackCode.special;
  const neededSlot = special ? m.specialReadiness : m.standardReadiness;
  // The Council decides at its meetings (model/council-calendar.ts): the first one once the
  // track's years after the application have passed, and after the last hold-out lifted.
  const meeting = nextMeetingFrom(m, s, s.appliedMonth + Math.round(s.values[special ? m.specialMinYears : m.standardMinYears]! * 12));
  const tooSoon = meeting > s.actsUntil;
  // Before the 1995 Study no criteria were published: the Council decided politically, and
  // the preconditions weigh only in each Ally's consent.
  const gated = PROCEDURE_GATED[m.procedureByYear[s.year - m.startYear]!] === 1;
  if (trace !== null) {
    const ready = readiness(m, s);
    const needed = gated ? s.values[neededSlot]! : 0;
    if (tooSoon || ready < needed) {
      trace.push({ kind: 'waiting', year: s.year, reason: stallReason(m, s, false), readiness: ready, needed });
      return false;
    }
  } else if (tooSoon || (gated && !isReady(m, s, neededSlot))) return false;
  s.month = meeting;
  vote(m, s, trace);
  return true;
}

/**
 * The month of the first Council meeting at or after `earliest`, this year at the soonest, and
 * after the procedure's last act and the last lifted hold-out; beyond the horizon, Infinity.
 */
function nextMeetingFrom(m: CompiledModel, s: BranchState, earliest: number): number {
  const from = Math.max(earliest, s.voteFrom, s.month, s.year * 12) - m.firstMonth;
  return from < m.nextMeeting.length ? m.nextMeeting[from]! : Infinity;
}

/**
 * Why no vote is held: a blocking rule or event; else, where the procedure gates the invitation
 * and too few preconditions are met, the one furthest below its threshold this year (at the
 * horizon, the horizon year: what its vote would have looked at); else the preparation years not yet served, or, once
 * they are, the Council's next meeting (before the 1995 Study no criterion was published, so
 * only the years and the calendar can keep a candidate waiting).
 */
export function stallReason(m: CompiledModel, s: BranchState, atHorizon: boolean): number {
  if (s.blockedByRule >= 0) return m.reasonOfRule + s.blockedByRule;
  if (s.blockedByEvent >= 0) return m.reasonOfEvent + s.blockedByEvent;
  // A year that ends before any Ally is a member (a decision point before the Treaty is in force).
  if ((atHorizon ? m.horizon : s.year) * 12 + 11 < m.councilFrom) return FixedReason.no_council;
  // Years served and nothing else in the way: the vote waits for the Council's next meeting.
  const until = atHorizon ? m.horizon * 12 + 11 : s.actsUntil;
  const minYears = s.values[s.track === TrackCode.special ? m.specialMinYears : m.standardMinYears]!;
  const years = s.appliedMonth + Math.round(minYears * 12) <= until ? FixedReason.next_meeting : FixedReason.min_years;
  if (PROCEDURE_GATED[m.procedureByYear[s.year - m.startYear]!] !== 1) return years;
  let worstGap = 0;
  let worst = -1;
  let met = 0;
  const k = m.preconditionCount;
  for (let j = 0; j < k; j++) {
    const level = levelOf(m, s, j);
    const gap = level - s.values[m.threshold[j]!]!;
    if (gap >= 0) met++;
    else if (gap < worstGap) {
      worstGap = gap;
      worst = j;
    }
  }
  const needed = s.values[s.track === TrackCode.special ? m.specialReadiness : m.standardReadiness]!;
  return worst >= 0 && met / k < needed ? m.reasonOfPrecondition + worst : years;
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

/** The share of preconditions met, for a story. */
function readiness(m: CompiledModel, s: BranchState): number {
  if (m.preconditionCount === 0) return 1;
  takeAllMet(m, s);
  let met = 0;
  for (let k = 0; k < m.preconditionCount; k++) met += s.met[k]!;
  return met / m.preconditionCount;
}

/** 1 for each procedure (in the order of PROCEDURES) with a readiness gate, and with the MAP. */
const PROCEDURE_GATED = Uint8Array.from(PROCEDURES, (p) => (p.gated ? 1 : 0));
const PROCEDURE_MAP = Uint8Array.from(PROCEDURES, (p) => (p.map ? 1 : 0));

/** Whether a candidate on the standard path prepares in the MAP in this year: it exists, and the year's procedure uses it. */
export function hasMap(m: CompiledModel, year: number): boolean {
  return year >= m.mapYear && PROCEDURE_MAP[m.procedureByYear[year - m.startYear]!] === 1;
}
