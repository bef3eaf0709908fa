import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { runScenario } from '../../src/batch/run.js';
import { bundledScenariosDir } from '../../src/io/paths.js';
import { stableJson } from '../../src/report/json.js';
import { loadScenarioFile } from '../../src/scenario/load.js';

/**
 * Golden results: the bundled decision points at a fixed seed must give these exact bytes.
 * A change to the engine or a scenario that moves them is deliberate: regenerate with
 * UPDATE_GOLDEN=1 npx vitest run --config tests/vitest.config.ts tests/golden
 * and say why in the commit.
 */
const RUNS = 20_000;
const SEED = 'golden';

describe('golden results of the bundled decision points', () => {
  test.each(['russia-1954', 'russia-1990', 'russia-2000'])('%s', async (name) => {
    const loaded = await loadScenarioFile(`${bundledScenariosDir()}${name}.yaml`);
    if (!loaded.ok) throw new Error(`${name} does not load`);
    const results = await runScenario(loaded.value.scenario, { seed: SEED, runs: RUNS, workers: 1, warnings: loaded.value.warnings });
    const json = stableJson(results);
    const file = new URL(`./${name}.json`, import.meta.url);
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, json);
    expect(json).toBe(readFileSync(file, 'utf8'));
  });
});
