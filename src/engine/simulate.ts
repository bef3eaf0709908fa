import { endIdle, runBranch, walkInFull } from './branch.js';
import { BLOCK, IdleWalk, walkIdle } from './idle-walk.js';
import type { IdlePlan } from './idle-plan.js';
import type { CompiledModel } from './model.js';
import { CHUNK_SIZE, chunkKeys } from './rng.js';
import { BranchState } from './state.js';
import { emptyTally, record, type Tally } from './tally.js';

/**
 * Runs the branches [first, first + count) into `tally`. Keys come from fixed chunks of
 * CHUNK_SIZE branches, so the bytes never depend on how the range is split.
 */
export function simulateRange(m: CompiledModel, seed: string, first: number, count: number, tally: Tally = emptyTally(m)): Tally {
  // One state per model, reused by every range: a long run in slices allocates nothing per slice.
  const w = workspaceOf(m);
  const end = first + count;
  let b = first;
  while (b < end) {
    const chunk = Math.floor(b / CHUNK_SIZE);
    const chunkStart = chunk * CHUNK_SIZE;
    chunkKeys(seed, chunk, w.keys, CHUNK_SIZE);
    const stop = Math.min(end, chunkStart + CHUNK_SIZE);
    if (m.idlePlan !== null && w.idle !== null) runInBlocks(m, m.idlePlan, w.idle, w.state, w.keys, b - chunkStart, stop - b, tally);
    else {
      for (let i = b - chunkStart; i < stop - chunkStart; i++) {
        // As a signed integer: an unsigned key above 2^31 would be boxed on every call.
        runBranch(m, w.state, w.keys[i]! | 0, null);
        record(m, tally, w.state);
      }
    }
    b = stop;
  }
  return tally;
}

/** Blocks of branches walk together until they apply (see idle-walk.ts); those that apply are walked in full. */
function runInBlocks(m: CompiledModel, plan: IdlePlan, idle: IdleWalk, state: BranchState, keys: Uint32Array, from: number, count: number, tally: Tally): void {
  for (let at = from; at < from + count; at += BLOCK) {
    const n = Math.min(BLOCK, from + count - at);
    walkIdle(m, plan, idle, keys, at, n);
    for (let j = 0; j < n; j++) {
      if (idle.applied[j] === 1) walkInFull(m, state, idle.keys[j]!);
      else endIdle(m, state, idle.interested[j] === 1, idle.interestWorstReason[j]!);
      record(m, tally, state);
    }
  }
}

interface Workspace {
  readonly state: BranchState;
  readonly keys: Uint32Array;
  readonly idle: IdleWalk | null;
}

const workspaces = new WeakMap<CompiledModel, Workspace>();

function workspaceOf(m: CompiledModel): Workspace {
  let w = workspaces.get(m);
  if (w === undefined) {
    w = { state: new BranchState(m), keys: new Uint32Array(CHUNK_SIZE), idle: m.idlePlan === null ? null : new IdleWalk(m, m.idlePlan) };
    workspaces.set(m, w);
  }
  return w;
}

/** All branches of a run on this thread. */
export function simulate(m: CompiledModel, seed: string, runs: number): Tally {
  return simulateRange(m, seed, 0, runs);
}
