import { dirname, resolve } from 'node:path';
import { bundledScenariosDir } from '../io/paths.js';
import { rewriteDistance, type RewriteDistance } from '../report/rewrite-distance.js';
import { formatIssue, loadScenarioFile, type LoadedScenario } from '../scenario/load.js';

/**
 * The historical baseline a scenario rewrites: the file its `baseline:` names (a path from the
 * scenario's folder, or bundled:<id>), else the file it `extends`. Loaded as written, without
 * the command's --set values: those are part of the rewrite.
 */
export function baselinePath(loaded: LoadedScenario): string | undefined {
  const written = loaded.scenario.baseline;
  if (written === undefined) return loaded.chain[1];
  if (written.startsWith('bundled:')) return resolve(bundledScenariosDir(), `${written.slice('bundled:'.length)}.yaml`);
  return resolve(dirname(loaded.file), written);
}

/**
 * The rewrite distance of a loaded scenario from its baseline; undefined when it has none. A
 * baseline that cannot be loaded is reported on stderr and the run goes on without it.
 */
export async function rewriteFor(loaded: LoadedScenario): Promise<RewriteDistance | undefined> {
  const path = baselinePath(loaded);
  if (path === undefined) return undefined;
  const base = await loadScenarioFile(path, { bundledDir: bundledScenariosDir() });
  if (!base.ok) {
    process.stderr.write(`warning: ${loaded.file}: its baseline ${path} cannot be loaded, so no rewrite distance is given:\n${base.issues.map(formatIssue).join('\n')}\n`);
    return undefined;
  }
  return rewriteDistance(base.value.scenario, loaded.scenario);
}
