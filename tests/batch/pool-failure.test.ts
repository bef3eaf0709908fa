import { describe, expect, it } from 'vitest';
import { WorkerPool } from '../../src/batch/pool.js';
import { runModel } from '../../src/batch/run.js';
import { CHUNK_SIZE, compile } from '../../src/engine/index.js';
import { referenceScenario } from '../helpers/reference-model.js';

/**
 * A worker thread that fails must fail the run, with a message that says so, promptly: never a
 * hang, never a tally of the branches that did finish passed off as complete. The pool is pointed
 * at small scripts in tests/fixtures/workers/ that fail in each way a thread can.
 */

const model = compile(referenceScenario());
/** Three tasks' worth of branches, so two threads each get work and one gets more. */
const COUNT = 3 * 16 * CHUNK_SIZE;
const workerScript = (name: string) => new URL(`../fixtures/workers/${name}.mjs`, import.meta.url);

/** Fails the test if `promise` has not settled within `ms`, instead of letting a hang run out the clock. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`still pending after ${ms} ms`)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

describe('a worker thread that fails', () => {
  it.each([
    ['throws-on-job', /^a worker thread failed: boom in a worker$/],
    ['error-reply', /^a worker thread failed: the engine failed: boom$/],
    ['exits-quietly', /^a worker thread exited unexpectedly \(code 0\)$/],
    ['throws-at-start', /^a worker thread failed: cannot start: boom$/],
    ['progress-then-throws', /^a worker thread failed: boom halfway$/],
    ['bad-tally', /^a worker thread failed: worker returned a tally without exits of the expected shape$/],
  ])('%s: the run rejects with a clear message, and again on the next run, and the pool closes', async (name, message) => {
    const pool = new WorkerPool(2, workerScript(name));
    let progress = 0;
    const run = () => within(10_000, pool.run({ model, seed: 'fail', first: 0, count: COUNT, onProgress: (n) => (progress = n) }));
    await expect(run()).rejects.toThrow(message);
    // The failed threads were replaced: a second run fails the same way instead of waiting on dead ones.
    await expect(run()).rejects.toThrow(message);
    expect(progress).toBeLessThan(COUNT);
    await within(5_000, pool.close());
  });

  it('through runModel, as every command calls it: a rejection, not a partial tally', async () => {
    const pool = new WorkerPool(2, workerScript('progress-then-throws'));
    try {
      await expect(within(10_000, runModel(model, { seed: 'fail', runs: COUNT, pool }))).rejects.toThrow(/a worker thread failed/);
    } finally {
      await pool.close();
    }
  });
});
