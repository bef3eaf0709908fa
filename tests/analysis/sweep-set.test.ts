import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkVary, pointScenario, sweepDesign, sweepPoint } from '../../src/analysis/sweep/run.js';
import { compile, simulateRange, summarize } from '../../src/engine/index.js';
import { bundledScenariosDir } from '../../src/io/paths.js';
import { scenarioParams } from '../../src/model/catalog/owners.js';
import type { Scenario } from '../../src/model/scenario.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { paramKind } from '../../src/scenario/param-kinds.js';

/**
 * A sweep's row equals `run --set path=value` at that seed: the sweep fixes the parameter on
 * the loaded scenario, --set edits the file before it is loaded (allyDefaults, extends and all).
 * Checked for any numeric parameter of a bundled scenario, including Allies that take their
 * values from allyDefaults and counterfactuals that extend a baseline.
 */

const NAMES = ['russia-1954', 'russia-1990-common-home', 'russia-2000', 'backtests/finland-2023', 'backtests/north-macedonia-2020'];
const RUNS = 300;
const SEED = 'row';
const dir = bundledScenariosDir();
const file = (name: string) => join(dir, `${name}.yaml`);

async function load(name: string, sets: readonly string[] = []): Promise<Scenario> {
  const r = await loadScenarioFile(file(name), { bundledDir: dir, sets });
  if (!r.ok) throw new Error(`${name} with ${sets.join(' ')}: ${JSON.stringify(r.issues)}`);
  return r.value.scenario;
}

/** A value in the parameter's range, with few digits so the printed value is the value run. */
function valueFor(path: string, u: number): number {
  const range = paramKind(path).range;
  const [lo, hi] = range === 'probability' ? [0, 1] : range === 'delta' ? [-1, 1] : range === 'nonNegative' ? [0, 24] : [-1, 1];
  return Math.round((lo + (hi - lo) * u) * 20) / 20;
}

describe('sweep rows and run --set', () => {
  test('a sweep point of any parameter gives the shares and funnel of run --set at that value', async () => {
    const bases = new Map<string, Scenario>();
    for (const name of NAMES) bases.set(name, await load(name));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...NAMES), fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), async (name, pick, u) => {
        const base = bases.get(name)!;
        const params = scenarioParams(base);
        const path = params[pick % params.length]!.path;
        const value = valueFor(path, u);
        const vary = checkVary(base, [{ path, from: value, to: value, steps: 1 }], undefined);
        const design = sweepDesign(vary, undefined, SEED);
        const row = sweepPoint(base, design, 0, simulateRange(compile(pointScenario(base, vary, design.points[0]!)), SEED, 0, RUNS), SEED);
        const set = await load(name, [`${path}=${value}`]);
        const m = compile(set);
        const run = summarize(m, simulateRange(m, SEED, 0, RUNS), { seed: SEED });
        expect({ path, outcomes: row.outcomes, funnel: row.funnel }).toEqual({ path, outcomes: run.outcomes, funnel: run.funnel });
      }),
      { numRuns: 30 },
    );
  });
});
