import type { Scenario } from '../model/scenario.js';
import { compile, type Tally } from '../engine/index.js';
import { RunCancelled, WorkerPool, defaultWorkerCount } from './pool.js';
import { runModel, WORKER_THRESHOLD } from './run.js';

/**
 * Many variants of one scenario (a tornado's ends, a Morris trajectory, a Latin hypercube),
 * each run on the same seed and number of branches: common random numbers, so two variants
 * differ only through what was changed.
 */
export interface VariantRunOptions {
  readonly seed: string;
  /** Branches per variant. */
  readonly runs: number;
  /** First branch of every variant (shards of a sweep); default 0. */
  readonly first?: number;
  /** Worker threads; undefined chooses one for small totals, all cores for large ones. */
  readonly workers?: number;
  readonly signal?: AbortSignal;
  /** Called after each variant with how many variants are done. */
  readonly onVariant?: (done: number) => void;
}

/**
 * Runs `count` variants (`variant(i)` builds the i-th scenario, when it is needed) and returns
 * `measure` of each tally, in order. Variants are spread over single-thread pools, one per
 * worker, so a run of many short variants uses every core; the result does not depend on the
 * number of workers.
 */
export async function runVariants<T>(
  count: number,
  variant: (i: number) => Scenario,
  measure: (tally: Tally, i: number) => T,
  options: VariantRunOptions,
): Promise<T[]> {
  const workers = Math.min(count, options.workers ?? (count * options.runs >= WORKER_THRESHOLD ? defaultWorkerCount() : 1));
  const out = new Array<T>(count);
  let next = 0;
  let done = 0;
  const lane = async (pool: WorkerPool | undefined) => {
    for (let i = next++; i < count; i = next++) {
      if (options.signal?.aborted) throw new RunCancelled();
      const model = compile(variant(i));
      const tally = await runModel(model, { seed: options.seed, runs: options.runs, first: options.first, workers: 1, pool, signal: options.signal });
      out[i] = measure(tally, i);
      options.onVariant?.(++done);
    }
  };
  if (workers <= 1) {
    await lane(undefined);
    return out;
  }
  const pools = Array.from({ length: workers }, () => new WorkerPool(1));
  try {
    await Promise.all(pools.map(lane));
  } finally {
    await Promise.all(pools.map((p) => p.close()));
  }
  return out;
}
