import { ExitCode, FixedReason, NO_ACTOR, StageCode, TrackCode } from '../codes.js';
import type { CompiledModel } from '../model.js';
import { yearKey } from '../rng.js';
import { assertNever } from '../tables.js';
import { holdoutActor, strongestHolding } from './council.js';
import { considerApplying, idleReason, withdraw, withdrawalMonth } from './candidate.js';
import { applyRuleHazards, applyRules, fireEvents } from './effects.js';
import { finish } from './finish.js';
import { newMetEpoch, readEveryLevel } from './levels.js';
import { prepare, stallReason } from './preparation.js';
import { delayReason, ratify } from './ratification.js';
import type { BranchState } from './state.js';
import type { Tracer } from './trace.js';

/**
 * One branch of history, walked year by year from the decision point to the horizon (the
 * procedure's own acts fall on months: an application, a Council meeting, a deposit), as
 * Article 10 and practice have it:
 *   the will to apply, and to withdraw, which suspends the candidacy (candidate.ts) → preparation until the preconditions are met
 *   (preparation.ts) → an invitation by unanimity of the members of that date, the North
 *   Atlantic Council (council.ts) → ratification by each member (ratification.ts) → member.
 * Each year events happen and rules act first (effects.ts); levels move (levels.ts).
 *
 * Every random decision draws from its own place (year, actor, purpose), so two
 * scenarios that differ in one assumption differ only through it. Allocation-free
 * unless a tracer is given.
 */
export function runBranch(m: CompiledModel, s: BranchState, key: number, trace: Tracer | null): void {
  // Accelerator (see accelerators/quiet.ts): most branches never apply, so they are first
  // walked without the rules nobody notices until the candidate does. A branch that applies
  // is walked again in full, with the same draws.
  if (trace === null && m.quietWhileIdle) {
    s.skipQuiet = true;
    walkYears(m, s, key, null);
    s.skipQuiet = false;
    if (s.stage === StageCode.done) return;
  }
  walkYears(m, s, key, trace);
}

/** A branch walked in full from its start, whatever a first walk found (see accelerators/idle-walk.ts). */
export function walkInFull(m: CompiledModel, s: BranchState, key: number): void {
  walkYears(m, s, key, null);
}

/** A branch that reached the horizon without applying, as walked elsewhere (see accelerators/idle-walk.ts). */
export function endIdle(m: CompiledModel, s: BranchState, interested: boolean, interestWorstReason: number): void {
  s.year = m.horizon;
  s.reachedInterested = interested;
  s.reachedApplied = s.reachedInvited = s.reachedRatified = false;
  s.entryTrack = TrackCode.none;
  s.objectorCount = 0;
  finish(s, ExitCode.no_application, NO_ACTOR, idleReason(interested, interestWorstReason), m.horizon * 12 + 11, null);
}

function walkYears(m: CompiledModel, s: BranchState, key: number, trace: Tracer | null): void {
  s.reset(key);
  for (let year = m.startYear; year <= m.horizon; year++) {
    s.year = year;
    s.yearKey = s.yearKeys[year - m.startYear] = yearKey(key, year);
    newMetEpoch(s, false);
    if (m.eagerLevels) readEveryLevel(m, s);
    if (m.hazardRules.length > 0) applyRuleHazards(m, s);
    fireEvents(m, s, trace);
    if (m.eagerLevels) readEveryLevel(m, s);
    applyRules(m, s, trace);
    step(m, s, trace);
    if (s.stage === StageCode.done || (s.skipQuiet && s.stage !== StageCode.idle)) return;
  }
  s.year = m.horizon;
  endAtHorizon(m, s, trace);
}

/**
 * The year's step of the procedure, from where the branch stands; one year may take several. A
 * candidate may withdraw in any year after its application's, up to membership: in its month,
 * so what the procedure does before that month (a meeting, the last deposit) still happens.
 */
function step(m: CompiledModel, s: BranchState, trace: Tracer | null): void {
  let withdrawal = Infinity;
  if (s.stage === StageCode.idle) {
    // A walk that skips quiet rules ends at the application: the branch is walked again in full.
    if (!considerApplying(m, s, trace) || s.skipQuiet) return;
  } else withdrawal = withdrawalMonth(m, s);
  s.actsUntil = Math.min(s.year * 12 + 11, withdrawal);
  if (s.stage === StageCode.preparation) prepare(m, s, trace);
  if (s.stage === StageCode.ratification) ratify(s, trace);
  if (withdrawal !== Infinity && s.stage !== StageCode.done) withdraw(s, withdrawal, trace);
}

/**
 * The objectors of a branch whose objections still stand at the horizon: the Allies still
 * holding out, each for its reason as it now stands (not every refusal of the last vote: some
 * have lifted since, by a concession or once their cause was gone).
 */
function standingObjectors(m: CompiledModel, s: BranchState): void {
  let n = 0;
  for (let i = 0; i < m.allyCount; i++) {
    if (s.holding[i] === 0) continue;
    s.objectorAlly[n] = i;
    s.objectorReason[n] = s.holdingReason[i]!;
    s.objectorHoldout[n] = 1;
    n++;
  }
  s.objectorCount = n;
}

/** How a branch still under way at the horizon ends: by where it stands. */
function endAtHorizon(m: CompiledModel, s: BranchState, trace: Tracer | null): void {
  const stage = s.stage;
  const end = m.horizon * 12 + 11;
  switch (stage) {
    case StageCode.idle:
      // A candidacy withdrawn and not taken up again.
      if (s.reachedApplied) finish(s, ExitCode.withdrawn, NO_ACTOR, FixedReason.withdrawal, s.withdrewMonth, trace);
      else finish(s, ExitCode.no_application, NO_ACTOR, idleReason(s.everInterested, s.interestWorstReason), end, trace);
      return;
    case StageCode.preparation: {
      // An objection still standing is a negotiation under way, not a veto: named by its strongest objector.
      const holder = strongestHolding(m, s);
      if (holder >= 0) {
        standingObjectors(m, s);
        finish(s, ExitCode.held_out, holdoutActor(m, s, holder), s.holdingReason[holder]!, end, trace);
      }
      // Named by what held the vote back in the horizon year: its levels, as its last waiting line gives them.
      else finish(s, ExitCode.map_stalled, NO_ACTOR, stallReason(m, s, true), end, trace);
      return;
    }
    case StageCode.ratification: {
      // Every parliament has ratified and the deposit waits: the event or rule that delays it is named.
      const delayed = s.ratifiedMonth <= end ? delayReason(s) : -1;
      if (delayed >= 0) finish(s, ExitCode.pending_at_horizon, NO_ACTOR, delayed, end, trace);
      // A parliament whose votes never pass holds the accession for good, whatever comes after the horizon.
      else if (s.lastRatifiedAt === Infinity) finish(s, ExitCode.pending_at_horizon, s.slowestAlly, FixedReason.never_passes, end, trace);
      else finish(s, ExitCode.pending_at_horizon, s.ratificationFailAlly >= 0 ? s.ratificationFailAlly : s.slowestAlly, FixedReason.horizon, end, trace);
      return;
    }
    case StageCode.done:
      throw new Error('internal: a branch that ended walked on to the horizon');
    default:
      assertNever(stage);
  }
}
