import fc from 'fast-check';
import { expect, test } from 'vitest';
import { splitTasks, WorkerPool } from '../../src/batch/pool.js';
import { compile } from '../../src/engine/index.js';
import { referenceScenario } from '../helpers/reference-model.js';

test('tasks cover the range exactly once, in order, none empty, for any range and number of workers', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 1, max: 8 }), (first, count, workers) => {
      const tasks = splitTasks(first, count, workers);
      let at = first;
      for (const t of tasks) {
        expect(t.first).toBe(at);
        expect(t.count).toBeGreaterThan(0);
        at += t.count;
      }
      expect(at).toBe(first + count);
    }),
    { numRuns: 300 },
  );
});

test('a short run is shared equally between the workers', () => {
  expect(splitTasks(0, 20_000, 2)).toEqual([
    { first: 0, count: 10_000 },
    { first: 10_000, count: 10_000 },
  ]);
  expect(splitTasks(5, 3, 8).length).toBe(3);
});

test('a range of no branches is no task, and a pool runs it at once to an empty tally (an empty shard of a short run)', async () => {
  expect(splitTasks(0, 0, 2)).toEqual([]);
  const pool = new WorkerPool(2);
  try {
    const tally = await Promise.race([pool.run({ model: compile(referenceScenario()), seed: 'empty', first: 0, count: 0 }), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('still pending')), 10_000))]);
    expect(tally.runs).toBe(0);
  } finally {
    await pool.close();
  }
});
