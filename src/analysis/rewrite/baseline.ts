import { bundledScenariosDir } from '../../io/paths.js';
import type { Scenario } from '../../model/scenario.js';
import { resolveBaseline } from '../../scenario/baseline-file.js';
import { formatIssue, loadScenarioFile, type LoadedScenario } from '../../scenario/load.js';
import { BUNDLED_PREFIX } from '../../scenario/named-file.js';
import { extendsReference } from '../../scenario/override-document.js';

type LoadedWithBaseline = Pick<LoadedScenario, 'scenario' | 'file' | 'chain' | 'baselineAt'>;

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
export async function findBaseline(loaded: LoadedWithBaseline, bundledDir = bundledScenariosDir()): Promise<BaselineLookup> {
  const written = loaded.scenario.baseline;
  let file = loaded.chain[1];
  if (written !== undefined) {
    const found = await namedBaseline(loaded, written, bundledDir);
    if (!found.ok) return { kind: 'broken', file: written, problems: found.issues.map(formatIssue) };
    file = found.value.shownAs;
  }
  if (file === undefined) return { kind: 'none' };
  const base = await loadScenarioFile(file, { bundledDir });
  if (!base.ok) return { kind: 'broken', file, problems: base.issues.map(formatIssue) };
  return { kind: 'found', file, scenario: base.value.scenario };
}

/**
 * A complete copy of a loaded scenario (or of an edit of it) written at `savedFile`, with its
 * `baseline:` named from there. A `baseline:` is written relative to the file that set it, so
 * copied as it stands it would name a file beside the copy that is not there: it becomes the
 * same file named from the copy's place (a path inside the copy's folder or below it, or
 * `bundled:<id>`), and is left out when the file cannot be named from there or cannot be found.
 */
export async function withBaselineFor(scenario: Scenario, loaded: LoadedWithBaseline, savedFile: string, bundledDir = bundledScenariosDir()): Promise<Scenario> {
  const { baseline: _asWritten, ...rest } = scenario;
  const written = loaded.scenario.baseline;
  if (written === undefined) return rest;
  if (written.startsWith(BUNDLED_PREFIX)) return { ...rest, baseline: written };
  const found = await namedBaseline(loaded, written, bundledDir);
  const baseline = found.ok ? extendsReference(found.value.shownAs, savedFile, bundledDir) : undefined;
  return baseline === undefined ? rest : { ...rest, baseline };
}

/** The file a `baseline:` names, resolved from the file of the chain that wrote it. */
function namedBaseline(loaded: LoadedWithBaseline, written: string, bundledDir: string) {
  const chain = loaded.chain.length > 0 ? loaded.chain : [loaded.file];
  return resolveBaseline(written, chain, loaded.baselineAt ?? { file: loaded.file, line: 0, column: 0 }, bundledDir);
}
