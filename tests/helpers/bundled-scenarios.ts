import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { bundledScenariosDir } from '../../src/io/paths.js';
import type { Scenario } from '../../src/model/scenario.js';
import { loadScenarioFile } from '../../src/scenario/load.js';

const dir = bundledScenariosDir();

/** Every scenario the product ships: the decision points, the backtests and the benchmark's reference model, by name. */
export function bundledScenarioNames(): string[] {
  const yaml = (sub: string) => readdirSync(join(dir, sub)).filter((f) => f.endsWith('.yaml')).map((f) => join(sub, f.slice(0, -5)));
  return [...yaml('.'), ...yaml('backtests'), 'bench/reference'].sort();
}

/** A bundled scenario by name (e.g. 'backtests/finland-2023'), loaded as the product loads it. */
export async function loadBundled(name: string): Promise<Scenario> {
  const r = await loadScenarioFile(join(dir, `${name}.yaml`), { bundledDir: dir });
  if (!r.ok) throw new Error(`${name} does not load`);
  return r.value.scenario;
}
