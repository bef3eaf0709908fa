import { BLOCK, IdleWalk, walkIdle } from './accelerators/idle-walk.js';
import type { CompiledModel } from './model.js';
import { CHUNK_SIZE, chunkKeys } from './rng.js';
import { emptyTally, record, type Tally } from './tally.js';
import { endIdle, runBranch, walkInFull } from './walk/branch.js';
import { BranchState } from './walk/state.js';

/**
 * Runs the branches [first, first + count) into `tally`. Keys come from fixed chunks of
 * CHUNK_SIZE branches, so the bytes never depend on how the range is split.
 */
export function simulateRange(m: CompiledModel, seed: string, first: number, count: number, tally: Tally = emptyTally(m)): Tally {
  const w = workspaceOf(m);
  forEachBlock(seed, first, count, w.keys, (at, n) => {
    startBlock(m, w, w.keys, at, n);
    for (let j = 0; j < n; j++) {
      finishBranch(m, w, w.keys, at, j);
      record(m, tally, w.state);
    }
  });
  return tally;
}

/**
 * Calls `block(at, n, branch)` for the branches [first, first + count) in blocks of at most
 * BLOCK that never straddle a chunk, after filling `keys` with the chunk's keys: branch
 * `branch + j` is keys[at + j]. A block that returns true stops the walk.
 */
export function forEachBlock(seed: string, first: number, count: number, keys: Uint32Array, block: (at: number, n: number, branch: number) => boolean | void): void {
  const end = first + count;
  let b = first;
  while (b < end) {
    const chunk = Math.floor(b / CHUNK_SIZE);
    const chunkStart = chunk * CHUNK_SIZE;
    chunkKeys(seed, chunk, keys, CHUNK_SIZE);
    const stop = Math.min(end, chunkStart + CHUNK_SIZE);
    for (; b < stop; b += Math.min(BLOCK, stop - b)) if (block(b - chunkStart, Math.min(BLOCK, stop - b), b) === true) return;
  }
}

/** Walks the block keys[at .. at + n) until each branch applies, if the model allows it (see accelerators/idle-walk.ts). */
export function startBlock(m: CompiledModel, w: Workspace, keys: Uint32Array, at: number, n: number): void {
  if (m.idlePlan !== null && w.idle !== null) walkIdle(m, m.idlePlan, w.idle, keys, at, n);
}

/** Leaves branch j of the block started at `at`, walked to its end, in w.state. */
export function finishBranch(m: CompiledModel, w: Workspace, keys: Uint32Array, at: number, j: number): void {
  const idle = w.idle;
  // As a signed integer: an unsigned key above 2^31 would be boxed on every call.
  if (idle === null) runBranch(m, w.state, keys[at + j]! | 0, null);
  else if (idle.applied[j] === 1) walkInFull(m, w.state, idle.keys[j]!);
  else endIdle(m, w.state, idle.interested[j] === 1, idle.interestWorstReason[j]!);
}

/** One model's branch state, chunk keys and block walk, reused by every range on this thread. */
export interface Workspace {
  readonly state: BranchState;
  readonly keys: Uint32Array;
  readonly idle: IdleWalk | null;
}

const workspaces = new WeakMap<CompiledModel, Workspace>();

export function workspaceOf(m: CompiledModel): Workspace {
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
