import { resolve } from 'node:path';
import { bundledScenariosDir } from '../io/paths.js';
import { formatIssue, loadScenarioFile, type LoadedScenario } from '../scenario/load.js';
import { UsageError } from './errors.js';

/**
 * Loads a scenario for a command. A bare name such as `russia-2000` (no path, no
 * extension) refers to a bundled scenario. Problems become one UsageError listing them all.
 */
export async function loadForCommand(file: string, sets: readonly string[] = []): Promise<LoadedScenario> {
  const path = resolveScenarioPath(file);
  const result = await loadScenarioFile(path, { sets, bundledDir: bundledScenariosDir() });
  if (!result.ok) {
    const n = result.issues.length;
    throw new UsageError(`${result.issues.map(formatIssue).join('\n')}\n${n} problem${n === 1 ? '' : 's'} in ${file}`);
  }
  return result.value;
}

export function resolveScenarioPath(file: string): string {
  if (/^[a-z0-9][a-z0-9-]*$/.test(file)) return resolve(bundledScenariosDir(), `${file}.yaml`);
  return resolve(file);
}
