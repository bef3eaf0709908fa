import type { Results } from '../model/results.js';
import type { Scenario } from '../model/scenario.js';
import { CHUNK_SIZE, compile, emptyTally, simulateRange, summarize, type CompiledModel, type Tally } from '../engine/index.js';
import { RunCancelled, WorkerPool, defaultWorkerCount } from './pool.js';

/** Below this many branches a run stays on the calling thread: starting workers would cost more. */
export const WORKER_THRESHOLD = 200_000;

export interface RunOptions {
  readonly seed: string;
  readonly runs: number;
  /** First branch index (for shards); default 0. */
  readonly first?: number;
  /** Worker threads; undefined chooses: one thread for short runs, the pool for long ones. */
  readonly workers?: number;
  readonly pool?: WorkerPool;
  readonly onProgress?: (branchesDone: number) => void;
  readonly signal?: AbortSignal;
}

/** Runs branches [first, first + runs) of a model and returns their tally. */
export async function runModel(model: CompiledModel, options: RunOptions): Promise<Tally> {
  const first = options.first ?? 0;
  const workers = options.workers ?? (options.runs >= WORKER_THRESHOLD ? defaultWorkerCount() : 1);
  if (workers <= 1 && options.pool === undefined) return runInThread(model, options, first);
  const pool = options.pool ?? new WorkerPool(workers);
  try {
    return await pool.run({ model, seed: options.seed, first, count: options.runs, onProgress: options.onProgress, signal: options.signal });
  } finally {
    if (options.pool === undefined) await pool.close();
  }
}

/** On this thread, in slices, yielding between them so signals and progress get through. */
async function runInThread(model: CompiledModel, options: RunOptions, first: number): Promise<Tally> {
  const tally = emptyTally(model);
  await inSlices(options, first, (from, n) => simulateRange(model, options.seed, from, n, tally));
  return tally;
}

/**
 * Calls `step(from, n)` over branches [first, first + runs) in slices (of whole chunks unless
 * `slice` says how many branches), yielding to the event loop between slices so signals,
 * progress and, on a UI thread, keystrokes get through. Branch keys come from fixed chunks, so
 * the slicing never changes the result.
 */
export async function inSlices(
  options: Pick<RunOptions, 'runs' | 'signal' | 'onProgress'> & { readonly slice?: number },
  first: number,
  step: (from: number, count: number) => void,
): Promise<void> {
  const slice = Math.max(1, options.slice ?? CHUNK_SIZE * 8);
  for (let done = 0; done < options.runs; ) {
    if (options.signal?.aborted) throw new RunCancelled();
    const n = Math.min(slice, options.runs - done);
    step(first + done, n);
    done += n;
    options.onProgress?.(done);
    if (done < options.runs) await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** Compiles, runs and summarises a scenario: the one path every command and the UI share. */
export async function runScenario(scenario: Scenario, options: RunOptions & { readonly warnings?: readonly string[] }): Promise<Results> {
  const model = compile(scenario);
  const tally = await runModel(model, options);
  return summarize(model, tally, { seed: options.seed, warnings: options.warnings ?? [] });
}
