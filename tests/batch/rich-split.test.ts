import fc from 'fast-check';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, test } from 'vitest';
import { mergedOutput } from '../../src/cli/commands/merge.js';
import { WorkerPool } from '../../src/batch/pool.js';
import { CHUNK_SIZE, compile, simulateRange, walkedModel, type CompiledModel, type Tally } from '../../src/engine/index.js';
import { runParts } from '../helpers/partials.js';
import { richScenario } from '../helpers/rich-scenario.js';

/**
 * Byte-identical results whatever the split: the model as worker threads receive it walks every
 * branch alike, a pool of 1, 2 or 3 threads gives the tally of one thread, and shards of any
 * count (some empty, the last short) merge into exactly the unsharded output, on generated
 * scenarios that reach the model's corners (helpers/rich-scenario.ts).
 */

const plain = (t: Tally) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v instanceof Float64Array ? Array.from(v) : v]));

describe('splits on generated scenarios', () => {
  test('the model a worker thread receives (serialized, without the scenario) walks every branch as the compiled one does', () => {
    fc.assert(
      fc.property(richScenario(), fc.constantFrom(0, CHUNK_SIZE - 20), (s, first) => {
        const m = compile(s);
        const sent = deserialize(serialize(walkedModel(m))) as CompiledModel;
        expect(plain(simulateRange(sent, 'thread', first, 60))).toEqual(plain(simulateRange(m, 'thread', first, 60)));
      }),
      { numRuns: 60 },
    );
  });

  test('1, 2 or 3 worker threads give the tally of the calling thread', async () => {
    const pools = [1, 2, 3].map((n) => new WorkerPool(n));
    try {
      await fc.assert(
        fc.asyncProperty(richScenario(), fc.integer({ min: 0, max: 2 * CHUNK_SIZE }), fc.integer({ min: 1, max: 700 }), async (s, first, count) => {
          const m = compile(s);
          const here = plain(simulateRange(m, 'pool', first, count));
          for (const pool of pools) expect(plain(await pool.run({ model: m, seed: 'pool', first, count }))).toEqual(here);
        }),
        { numRuns: 8 },
      );
    } finally {
      await Promise.all(pools.map((p) => p.close()));
    }
  });

  test('run --shard i/n for odd n, merged, prints exactly the unsharded run', () => {
    fc.assert(
      fc.property(richScenario(), fc.constantFrom(1, 37, CHUNK_SIZE + 13, 2 * CHUNK_SIZE + 1), fc.constantFrom(1, 2, 3, 5), fc.boolean(), (s, runs, shards, json) => {
        const set = runParts(s, { runs, shards, seed: 'shard' });
        const format = json ? { json: true } : { csv: true };
        expect(mergedOutput(set.parts, format)).toBe(set.unsharded(format));
        // In any order of the parts.
        expect(mergedOutput([...set.parts].reverse(), format)).toBe(set.unsharded(format));
      }),
      { numRuns: 12 },
    );
  });
});
