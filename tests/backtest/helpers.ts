import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runScenario } from '../../src/batch/run.js';
import { bundledScenariosDir } from '../../src/io/paths.js';
import type { Results } from '../../src/model/results.js';
import { loadScenarioFile, type LoadedScenario } from '../../src/scenario/load.js';

export const SCENARIOS = bundledScenariosDir();
export const BACKTESTS = join(SCENARIOS, 'backtests');

export const backtestFiles = (): string[] =>
  readdirSync(BACKTESTS)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(BACKTESTS, f));

export const bundledFiles = (): string[] =>
  readdirSync(SCENARIOS)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(SCENARIOS, f));

export async function load(path: string): Promise<LoadedScenario> {
  const r = await loadScenarioFile(path, { bundledDir: SCENARIOS });
  if (!r.ok) throw new Error(`${path}: ${r.issues.map((i) => i.message).join('; ')}`);
  return r.value;
}

export async function run(name: string, runs = 4000, seed = 'issue-5'): Promise<Results> {
  const { scenario } = await load(join(SCENARIOS, `${name}.yaml`));
  return runScenario(scenario, { seed, runs, workers: 1 });
}
