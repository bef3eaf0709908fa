import { describe, expect, test } from 'vitest';
import { compile, simulateRange, type Accelerators } from '../../src/engine/index.js';
import { bundledScenarioNames, loadBundled } from '../helpers/bundled-scenarios.js';

/**
 * The plain walk of one branch after another, year by year, is the procedure; the accelerators
 * (a first walk that skips what nobody notices before the application, idle branches walked in
 * blocks, levels brought up to date only when read) only make it sooner. Switched off, alone or
 * all together, they must leave every count of the tally where it was.
 */
const RUNS = 1_500;
const names = bundledScenarioNames();

const OFF: readonly Partial<Accelerators>[] = [{ quiet: false }, { blockWalk: false }, { lazyLevels: false }, { quiet: false, blockWalk: false, lazyLevels: false }];

describe('the accelerators change no number', () => {
  test.each(names)('%s: the plain walk gives the same tally', async (name) => {
    const s = await loadBundled(name);
    // From mid-chunk, so blocks are cut where a run's slices would cut them.
    const accelerated = simulateRange(compile(s), 'plain', 1_000, RUNS);
    for (const off of OFF) expect(simulateRange(compile(s, off), 'plain', 1_000, RUNS), JSON.stringify(off)).toEqual(accelerated);
  });

  test('switched off, they are off', async () => {
    const s = await loadBundled('russia-2000');
    const on = compile(s);
    expect([on.quietWhileIdle, on.idlePlan !== null, on.eagerLevels]).toEqual([true, true, false]);
    const off = compile(s, { quiet: false, blockWalk: false, lazyLevels: false });
    expect([off.quietWhileIdle, off.idlePlan, off.eagerLevels]).toEqual([false, null, true]);
  });
});
