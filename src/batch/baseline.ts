import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { bundledScenariosDir } from '../io/paths.js';
import type { Scenario } from '../model/scenario.js';
import { formatIssue, loadScenarioFile, type LoadedScenario } from '../scenario/load.js';

/**
 * The historical baseline a scenario rewrites: the file its `baseline:` names (a path from the
 * scenario's folder, or bundled:<id>), else the file it `extends`. What `run`, `compare`,
 * `report` and the UI measure a rewrite distance from.
 */
export function baselinePath(loaded: Pick<LoadedScenario, 'scenario' | 'file' | 'chain'>, bundledDir = bundledScenariosDir()): string | undefined {
  const written = loaded.scenario.baseline;
  if (written === undefined) return loaded.chain[1];
  if (written.startsWith('bundled:')) return resolve(bundledDir, `${written.slice('bundled:'.length)}.yaml`);
  // An inherited `baseline:` is written relative to the file that set it, somewhere up the chain.
  const candidates = (loaded.chain.length > 0 ? loaded.chain : [loaded.file]).map((f) => resolve(dirname(f), written));
  return candidates.find((c) => existsSync(c)) ?? candidates[0];
}

export type BaselineLookup =
  | { readonly kind: 'none' }
  | { readonly kind: 'found'; readonly file: string; readonly scenario: Scenario }
  /** Named (or extended) but cannot be loaded: `problems` say why. */
  | { readonly kind: 'broken'; readonly file: string; readonly problems: readonly string[] };

/** Loads a scenario's baseline as written (without any --set values: those are part of the rewrite). */
export async function findBaseline(loaded: Pick<LoadedScenario, 'scenario' | 'file' | 'chain'>, bundledDir = bundledScenariosDir()): Promise<BaselineLookup> {
  const file = baselinePath(loaded, bundledDir);
  if (file === undefined) return { kind: 'none' };
  const base = await loadScenarioFile(file, { bundledDir });
  if (!base.ok) return { kind: 'broken', file, problems: base.issues.map(formatIssue) };
  return { kind: 'found', file, scenario: base.value.scenario };
}
