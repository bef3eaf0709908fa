import fc from 'fast-check';
import { expect, test } from 'vitest';
import { splitTasks } from '../../src/batch/pool.js';

test('tasks cover the range exactly once, in order, none empty, for any range and number of workers', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 1, max: 8 }), (first, count, workers) => {
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
