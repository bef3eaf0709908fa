import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scenario } from '../../src/model/scenario.js';
import { loadScenarioFile, loadScenarioText } from '../../src/scenario/load.js';

export const PLANTED = fileURLToPath(new URL('../fixtures/analysis/planted.yaml', import.meta.url));

/** A scenario file (or a bundled one by name), loaded as the commands load it; throws on problems. */
export async function scenario(path: string, sets: readonly string[] = []): Promise<Scenario> {
  const file = /^[a-z0-9-]+$/.test(path) ? fileURLToPath(new URL(`../../scenarios/${path}.yaml`, import.meta.url)) : path;
  const r = await loadScenarioFile(file, { sets });
  if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 2));
  return r.value.scenario;
}

/** A scenario from YAML text in memory, as if it were a file beside the planted one (for `extends`). */
export async function scenarioText(text: string, name = 'in-memory.yaml'): Promise<Scenario> {
  const r = await loadScenarioText(text, join(dirname(PLANTED), name));
  if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 2));
  return r.value.scenario;
}
