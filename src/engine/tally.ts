import { TRACKS } from '../model/outcome.js';
import { EXIT_HAS_OBJECTORS, EXITS, ExitCode, FunnelStage, OBJECTOR_ROLES, StageCode } from './codes.js';
import type { CompiledModel } from './model.js';
import type { BranchState } from './walk/state.js';

/**
 * Streaming aggregate of branches: integer counts in typed arrays. Merging is
 * element-wise addition, so any split of the branches into chunks, workers or shards
 * gives exactly the same tally.
 */
export interface Tally {
  runs: number;
  readonly exits: Float64Array;
  /** Branches reaching each stage of the funnel, by FunnelStage. */
  readonly funnel: Float64Array;
  /** Branches entering each track, by TrackCode. */
  readonly tracks: Float64Array;
  /** exitYears[exit * years + (year - startYear)] */
  readonly exitYears: Float64Array;
  /** joinMonths[month − January of startYear]: the month of the last deposit, of joined branches. */
  readonly joinMonths: Float64Array;
  /** inviteMonths[month − January of startYear]: the month of the first invitation, of joined branches. */
  readonly inviteMonths: Float64Array;
  /** joinLags[months]: months from the first invitation to the deposit, of joined branches (the same branches as inviteMonths). */
  readonly joinLags: Float64Array;
  /** blockers[(exit * actors + actor) * reasons + reason], actor slot 0 = candidate/process, then each Ally, then several Allies alike. */
  readonly blockers: Float64Array;
  readonly blockerYearSum: Float64Array;
  /** objectors[(role * allies + ally) * reasons + reason], role by ObjectorRole. */
  readonly objectors: Float64Array;
}

export const FUNNEL_SLOTS = Object.keys(FunnelStage).length;

export function tallyShape(m: CompiledModel) {
  // The candidate or process, each Ally, and several Allies alike (see describeActor).
  const actors = m.allyCount + 2;
  return {
    exits: EXITS.length,
    funnel: FUNNEL_SLOTS,
    tracks: TRACKS.length,
    exitYears: EXITS.length * m.years,
    joinMonths: 12 * m.years,
    inviteMonths: 12 * m.years,
    joinLags: 12 * m.years,
    blockers: EXITS.length * actors * m.reasonCount,
    objectors: OBJECTOR_ROLES.length * m.allyCount * m.reasonCount,
  };
}

export function emptyTally(m: CompiledModel): Tally {
  const shape = tallyShape(m);
  return {
    runs: 0,
    exits: new Float64Array(shape.exits),
    funnel: new Float64Array(shape.funnel),
    tracks: new Float64Array(shape.tracks),
    exitYears: new Float64Array(shape.exitYears),
    joinMonths: new Float64Array(shape.joinMonths),
    inviteMonths: new Float64Array(shape.inviteMonths),
    joinLags: new Float64Array(shape.joinLags),
    blockers: new Float64Array(shape.blockers),
    blockerYearSum: new Float64Array(shape.blockers),
    objectors: new Float64Array(shape.objectors),
  };
}

/** Adds one finished branch. */
export function record(m: CompiledModel, t: Tally, s: BranchState): void {
  if (s.stage !== StageCode.done) throw new Error('internal: recording a branch that has not ended');
  t.runs++;
  const exit = s.exit;
  t.exits[exit]!++;
  if (s.reachedInterested) t.funnel[FunnelStage.interested]!++;
  if (s.reachedApplied) t.funnel[FunnelStage.applied]!++;
  if (s.reachedInvited) t.funnel[FunnelStage.invited]!++;
  if (s.reachedRatified) t.funnel[FunnelStage.ratified]!++;
  if (exit === ExitCode.joined) t.funnel[FunnelStage.joined]!++;
  if (s.entryTrack >= 0) t.tracks[s.entryTrack]!++;
  t.exitYears[exit * m.years + (s.exitYear - m.startYear)]!++;
  if (exit === ExitCode.joined) {
    t.joinMonths[s.exitMonth - m.firstMonth]!++;
    // Where a joined branch's time went: before its first invitation, and from it to the deposit.
    t.inviteMonths[s.firstInvitedMonth - m.firstMonth]!++;
    t.joinLags[s.exitMonth - s.firstInvitedMonth]!++;
  }
  const cell = (exit * (m.allyCount + 2) + (s.blockerActor + 1)) * m.reasonCount + s.blockerReason;
  t.blockers[cell]!++;
  t.blockerYearSum[cell]! += s.exitYear;
  if (EXIT_HAS_OBJECTORS[exit] === 1) {
    for (let j = 0; j < s.objectorCount; j++) {
      const role = s.objectorHoldout[j]!;
      t.objectors[(role * m.allyCount + s.objectorAlly[j]!) * m.reasonCount + s.objectorReason[j]!]!++;
    }
  }
}

/** into += from. */
export function mergeInto(into: Tally, from: Tally): void {
  into.runs += from.runs;
  addArray(into.exits, from.exits);
  addArray(into.funnel, from.funnel);
  addArray(into.tracks, from.tracks);
  addArray(into.exitYears, from.exitYears);
  addArray(into.joinMonths, from.joinMonths);
  addArray(into.inviteMonths, from.inviteMonths);
  addArray(into.joinLags, from.joinLags);
  addArray(into.blockers, from.blockers);
  addArray(into.blockerYearSum, from.blockerYearSum);
  addArray(into.objectors, from.objectors);
}

function addArray(into: Float64Array, from: Float64Array): void {
  if (into.length !== from.length) throw new Error('internal: merging tallies of different scenarios');
  for (let i = 0; i < into.length; i++) into[i]! += from[i]!;
}
