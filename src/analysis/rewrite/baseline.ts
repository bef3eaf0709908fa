import { bundledScenariosDir } from '../../io/paths.js';
import type { Scenario } from '../../model/scenario.js';
import { resolveBaseline } from '../../scenario/baseline-file.js';
import { formatIssue, loadScenarioFile, type LoadedScenario } from '../../scenario/load.js';

export type BaselineLookup =
  | { readonly kind: 'none' }
  | { readonly kind: 'found'; readonly file: string; readonly scenario: Scenario }
  /** Named (or extended) but cannot be loaded: `problems` say why. */
  | { readonly kind: 'broken'; readonly file: string; readonly problems: readonly string[] };

/**
 * The historical baseline a scenario rewrites, loaded as written (without any --set values:
 * those are part of the rewrite): the file its `baseline:` names (a path from the scenario's
 * folder, or bundled:<id>, under the same rule as `extends`), else the file it `extends`.
 * What `run`, `compare`, `report` and the UI measure a rewrite distance from.
 */
export async function findBaseline(loaded: Pick<LoadedScenario, 'scenario' | 'file' | 'chain' | 'baselineAt'>, bundledDir = bundledScenariosDir()): Promise<BaselineLookup> {
  const written = loaded.scenario.baseline;
  let file = loaded.chain[1];
  if (written !== undefined) {
    const chain = loaded.chain.length > 0 ? loaded.chain : [loaded.file];
    const found = await resolveBaseline(written, chain, loaded.baselineAt ?? { file: loaded.file, line: 0, column: 0 }, bundledDir);
    if (!found.ok) return { kind: 'broken', file: written, problems: found.issues.map(formatIssue) };
    file = found.value.shownAs;
  }
  if (file === undefined) return { kind: 'none' };
  const base = await loadScenarioFile(file, { bundledDir });
  if (!base.ok) return { kind: 'broken', file, problems: base.issues.map(formatIssue) };
  return { kind: 'found', file, scenario: base.value.scenario };
}
