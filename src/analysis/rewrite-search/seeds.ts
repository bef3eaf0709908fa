import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { bundledScenariosDir } from '../../io/paths.js';
import type { Scenario } from '../../model/scenario.js';
import { loadScenarioFile } from '../../scenario/load.js';
import { findBaseline } from '../rewrite/baseline.js';
import { seedsToward, type Lever, type Seed } from './levers.js';

export type { Seed } from './levers.js';

/**
 * Where the search may start besides the start itself: the bundled counterfactual files that
 * name the start's decision point as their baseline (`russia-1990-common-home` for
 * `russia-1990`), each as its switches alone and as its switches with its values (see
 * rewritesToward). What historians already argued is worth trying first; the search keeps
 * what helps and drops the rest. A file that does not load is skipped.
 */
export async function counterfactualSeeds(start: Scenario, levers: readonly Lever[]): Promise<Seed[]> {
  const dir = bundledScenariosDir();
  const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
  const counterfactuals: Scenario[] = [];
  for (const file of files) {
    const loaded = await loadScenarioFile(join(dir, file), { bundledDir: dir });
    if (!loaded.ok || loaded.value.scenario.baseline === undefined || loaded.value.scenario.id === start.id) continue;
    const base = await findBaseline(loaded.value, dir);
    if (base.kind !== 'found' || base.scenario.id !== start.id) continue;
    counterfactuals.push(loaded.value.scenario);
  }
  return seedsToward(levers, counterfactuals);
}
