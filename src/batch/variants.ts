import type { Scenario } from '../model/scenario.js';
import { compile, type Tally } from '../engine/index.js';
import type { Executor } from './executors.js';
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
  /**
   * Executors to run the variants on, one variant at a time each, kept open for the caller's
   * next batch (a search runs many small batches; starting threads for each would cost more
   * than the work; the explorer lends its warm ones). Given, they replace `workers`; the
   * thread yields to the event loop after each variant, so a UI stays responsive.
   */
  readonly lanes?: readonly Executor[];
}

/**
 * Runs `count` variants (`variant(i)` builds the i-th scenario when it is needed, once for
 * each i and in increasing order, so a variant may be built from the one before it) and
 * returns `measure` of each tally, in order.
 */
export async function runVariants<T>(
  count: number,
  variant: (i: number) => Scenario,
  measure: (tally: Tally, i: number) => T,
  options: VariantRunOptions,
): Promise<T[]> {
  const out = new Array<T>(count);
  await eachVariant(count, variant, (tally, i) => (out[i] = measure(tally, i)), options);
  return out;
}

/**
 * Runs `count` variants and hands each tally to `consume` in order, as soon as it and every
 * earlier one are done; a tally is dropped once consumed, so memory stays flat in the number
 * of variants. Variants are spread over single-thread pools, one per worker, so a run of many
 * short variants uses every core; the result does not depend on the number of workers. A lane
 * that runs ahead waits once a few variants wait for an earlier one: at most 2 × workers
 * tallies are held at once. Returns the most that were.
 */
export async function eachVariant(
  count: number,
  variant: (i: number) => Scenario,
  consume: (tally: Tally, i: number) => void,
  options: VariantRunOptions,
): Promise<{ readonly peakHeld: number }> {
  const lanes = options.lanes;
  const workers = Math.min(count, lanes?.length ?? options.workers ?? (count * options.runs >= WORKER_THRESHOLD ? defaultWorkerCount() : 1));
  const window = 2 * Math.max(1, workers);
  const finished = new Map<number, Tally>();
  const sleepers: (() => void)[] = [];
  let next = 0;
  let consumed = 0;
  let done = 0;
  let peakHeld = 0;
  const lane = async (pool: WorkerPool | Executor | undefined) => {
    for (;;) {
      while (next < count && next - consumed >= window) await new Promise<void>((wake) => sleepers.push(wake));
      if (next >= count) return;
      const i = next++;
      if (options.signal?.aborted) throw new RunCancelled();
      const model = compile(variant(i));
      const tally =
        pool instanceof WorkerPool || pool === undefined
          ? await runModel(model, { seed: options.seed, runs: options.runs, first: options.first, workers: 1, pool, signal: options.signal })
          : await pool.run(model, options.seed, options.first ?? 0, options.runs).then(async (t) => (await new Promise<void>((go) => setImmediate(go)), t));
      finished.set(i, tally);
      peakHeld = Math.max(peakHeld, finished.size);
      options.onVariant?.(++done);
      for (let t = finished.get(consumed); t !== undefined; t = finished.get(consumed)) {
        finished.delete(consumed);
        consume(t, consumed++);
      }
      for (const wake of sleepers.splice(0)) wake();
    }
  };
  if (lanes !== undefined && lanes.length > 0) {
    await Promise.all(lanes.slice(0, Math.max(1, workers)).map(lane));
    return { peakHeld };
  }
  if (workers <= 1) {
    await lane(undefined);
    return { peakHeld };
  }
  const pools = Array.from({ length: workers }, () => new WorkerPool(1));
  try {
    await Promise.all(pools.map(lane));
  } finally {
    await Promise.all(pools.map((p) => p.close()));
  }
  return { peakHeld };
}
