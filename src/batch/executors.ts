import { runModel } from './run.js';
import { WorkerPool, locateWorkerScript } from './pool.js';
import type { CompiledModel, Tally } from '../engine/index.js';

/**
 * Runs branches [first, first + count) of a model somewhere and returns their tally. Each
 * executor runs one range at a time: a pool's replies carry no run id, so two runs sharing
 * a worker would take each other's tallies.
 */
export interface Executor {
  run(model: CompiledModel, seed: string, first: number, count: number): Promise<Tally>;
  close(): Promise<void>;
}

/** Serialises the ranges given to one executor. */
function oneAtATime(run: Executor['run'], close: () => Promise<void>): Executor {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    run(model, seed, first, count) {
      const next = queue.then(() => run(model, seed, first, count));
      queue = next.catch(() => undefined);
      return next;
    },
    close: () => queue.then(close),
  };
}

/** On the UI thread (tests, or when the built worker script is missing): yields between chunks. */
export function threadExecutor(): Executor {
  return oneAtATime(
    (model, seed, first, count) => runModel(model, { seed, first, runs: count, workers: 1 }),
    async () => undefined,
  );
}

/**
 * One warm single-thread pool per core. A stale run is never aborted inside a pool (that
 * terminates its threads and the next run pays for new ones); the runner stops handing out
 * ranges instead, so cancelling costs at most one range per thread.
 */
export function workerExecutors(threads: number): Executor[] {
  const url = locateWorkerScript();
  return Array.from({ length: threads }, () => {
    const pool = new WorkerPool(1, url);
    return oneAtATime(
      (model, seed, first, count) => runModel(model, { seed, first, runs: count, pool }),
      () => pool.close(),
    );
  });
}

/** Worker threads when the built worker script is there (one per core, at most two: the UI needs a core too), else the UI thread. */
export function defaultExecutors(cores: number): Executor[] {
  try {
    return workerExecutors(Math.max(1, Math.min(2, cores)));
  } catch {
    return [threadExecutor()];
  }
}
