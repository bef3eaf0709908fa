import { runBranch } from './branch.js';
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
  const { state, keys } = workspaceOf(m);
  const end = first + count;
  let b = first;
  while (b < end) {
    const chunk = Math.floor(b / CHUNK_SIZE);
    const chunkStart = chunk * CHUNK_SIZE;
    chunkKeys(seed, chunk, keys, CHUNK_SIZE);
    const stop = Math.min(end, chunkStart + CHUNK_SIZE);
    for (; b < stop; b++) {
      // As a signed integer: an unsigned key above 2^31 would be boxed on every call.
      runBranch(m, state, keys[b - chunkStart]! | 0, null);
      record(m, tally, state);
    }
  }
  return tally;
}

const workspaces = new WeakMap<CompiledModel, { readonly state: BranchState; readonly keys: Uint32Array }>();

function workspaceOf(m: CompiledModel): { readonly state: BranchState; readonly keys: Uint32Array } {
  let w = workspaces.get(m);
  if (w === undefined) workspaces.set(m, (w = { state: new BranchState(m), keys: new Uint32Array(CHUNK_SIZE) }));
  return w;
}

/** All branches of a run on this thread. */
export function simulate(m: CompiledModel, seed: string, runs: number): Tally {
  return simulateRange(m, seed, 0, runs);
}
