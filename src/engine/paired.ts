import { OUTCOMES } from '../model/outcome.js';
import { EXITS, ExitCode, FunnelStage } from './codes.js';
import type { CompiledModel } from './model.js';
import { finishBranch, forEachBlock, startBlock, workspaceOf } from './simulate.js';
import { emptyTally, FUNNEL_SLOTS, mergeInto, record, type Tally } from './tally.js';

/**
 * Two scenarios run on the same branch keys in one pass: common random numbers, so each branch
 * is a matched pair and the difference between the two is estimated from within-pair changes.
 * Besides each model's own tally, the pass counts the joint outcome table (outcome in A by
 * outcome in B) and, per funnel stage, the 2×2 table of reaching it in A and in B. Integer
 * counts in typed arrays: merging is addition, so any split of the branches gives the same tally.
 */
export interface PairedTally {
  runs: number;
  readonly a: Tally;
  readonly b: Tally;
  /** joint[outcomeA * OUTCOMES.length + outcomeB], outcomes in the order of OUTCOMES. */
  readonly joint: Float64Array;
  /** stages[stage * PAIR_CELLS + pairCell(reachedInA, reachedInB)], stages by FunnelStage. */
  readonly stages: Float64Array;
}

const OUTCOME_COUNT = OUTCOMES.length;
/** A funnel stage's 2×2 table: reached in neither, in B only, in A only, in both. */
const PAIR_CELLS = 4;
function pairCell(inA: boolean, inB: boolean): number {
  return (inA ? 2 : 0) + (inB ? 1 : 0);
}
/** The outcome index (in OUTCOMES) of each exit. */
const OUTCOME_OF_EXIT = Int32Array.from(EXITS, (e) => OUTCOMES.indexOf(e.outcome));

export function emptyPairedTally(a: CompiledModel, b: CompiledModel): PairedTally {
  return {
    runs: 0,
    a: emptyTally(a),
    b: emptyTally(b),
    joint: new Float64Array(OUTCOME_COUNT * OUTCOME_COUNT),
    stages: new Float64Array(FUNNEL_SLOTS * PAIR_CELLS),
  };
}

/**
 * Runs branches [first, first + count) of both models on the same keys into `tally`. Keys come
 * from the same fixed chunks as simulateRange, so each side's tally equals its own run's.
 * Allocation-free in the loop: each model's workspace is reused for every branch.
 */
export function simulatePairedRange(
  a: CompiledModel,
  b: CompiledModel,
  seed: string,
  first: number,
  count: number,
  tally: PairedTally = emptyPairedTally(a, b),
): PairedTally {
  const wa = workspaceOf(a);
  const wb = workspaceOf(b);
  const sa = wa.state;
  const sb = wb.state;
  const keys = wa.keys;
  const joint = tally.joint;
  const stages = tally.stages;
  forEachBlock(seed, first, count, keys, (at, n) => {
    startBlock(a, wa, keys, at, n);
    startBlock(b, wb, keys, at, n);
    for (let j = 0; j < n; j++) {
      finishBranch(a, wa, keys, at, j);
      record(a, tally.a, sa);
      finishBranch(b, wb, keys, at, j);
      record(b, tally.b, sb);
      joint[OUTCOME_OF_EXIT[sa.exit]! * OUTCOME_COUNT + OUTCOME_OF_EXIT[sb.exit]!]!++;
      stages[FunnelStage.interested * PAIR_CELLS + pairCell(sa.reachedInterested, sb.reachedInterested)]!++;
      stages[FunnelStage.applied * PAIR_CELLS + pairCell(sa.reachedApplied, sb.reachedApplied)]!++;
      stages[FunnelStage.invited * PAIR_CELLS + pairCell(sa.reachedInvited, sb.reachedInvited)]!++;
      stages[FunnelStage.ratified * PAIR_CELLS + pairCell(sa.reachedRatified, sb.reachedRatified)]!++;
      stages[FunnelStage.joined * PAIR_CELLS + pairCell(sa.exit === ExitCode.joined, sb.exit === ExitCode.joined)]!++;
      tally.runs++;
    }
  });
  return tally;
}

/** into += from. */
export function mergePairedInto(into: PairedTally, from: PairedTally): void {
  mergeInto(into.a, from.a);
  mergeInto(into.b, from.b);
  for (const [sum, part] of [
    [into.joint, from.joint],
    [into.stages, from.stages],
  ] as const) {
    if (sum.length !== part.length) throw new Error('internal: merging paired tallies of different shapes');
    for (let i = 0; i < sum.length; i++) sum[i]! += part[i]!;
  }
  into.runs += from.runs;
}
