import { join } from 'node:path';
import { expect, test } from 'vitest';
import { WorkerPool } from '../../src/batch/pool.js';
import { soak } from '../../src/bench/soak.js';
import { bundledScenariosDir } from '../../src/io/paths.js';
import { loadScenarioFile } from '../../src/scenario/load.js';

/**
 * The short soak: 200 back-to-back re-runs as the explorer does them (an edit, a compile, a run
 * on a warm pool of two threads) do not grow the heap. Without --expose-gc the heap is the least
 * seen over a window of re-runs, and the bound is generous; `npm run bench` runs 1,000 re-runs of
 * 20,000 branches with forced collections and a 10% bound.
 */
test('200 back-to-back re-runs on a warm pool: no growth of the heap', async () => {
  const loaded = await loadScenarioFile(join(bundledScenariosDir(), 'russia-2000.yaml'));
  if (!loaded.ok) throw new Error('russia-2000 does not load');
  const pool = new WorkerPool(2);
  try {
    const r = await soak(loaded.value.scenario, pool, { reruns: 200, warmup: 30, branches: 512 });
    process.stdout.write(`soak: ${JSON.stringify(r)}\n`);
    expect(r.heapAtEnd - r.heapAfterWarmup, JSON.stringify(r)).toBeLessThan(16);
  } finally {
    await pool.close();
  }
});
