import { bundledScenariosDir } from '../../io/paths.js';
import type { Scenario } from '../../model/scenario.js';
import { resolveBaseline } from '../../scenario/baseline-file.js';
import type { LoadedScenario } from '../../scenario/load.js';
import { BUNDLED_PREFIX } from '../../scenario/named-file.js';
import { extendsReference } from '../../scenario/override-document.js';

/**
 * A complete copy of a loaded scenario (or of an edit of it) written at `savedFile`, with its
 * `baseline:` named from there. A `baseline:` is written relative to the file that set it, so
 * copied as it stands it would name a file beside the copy that is not there: it becomes the
 * same file named from the copy's place (a path inside the copy's folder or below it, or
 * `bundled:<id>`), and is left out when the file cannot be named from there or cannot be found.
 */
export async function withBaselineFor(
  scenario: Scenario,
  loaded: Pick<LoadedScenario, 'scenario' | 'file' | 'chain' | 'baselineAt'>,
  savedFile: string,
  bundledDir = bundledScenariosDir(),
): Promise<Scenario> {
  const { baseline: _dropped, ...rest } = scenario;
  const baseline = await relocatedBaseline(loaded, savedFile, bundledDir);
  return baseline === undefined ? rest : { ...rest, baseline };
}

async function relocatedBaseline(loaded: Pick<LoadedScenario, 'scenario' | 'file' | 'chain' | 'baselineAt'>, savedFile: string, bundledDir: string): Promise<string | undefined> {
  const written = loaded.scenario.baseline;
  if (written === undefined || written.startsWith(BUNDLED_PREFIX)) return written;
  const chain = loaded.chain.length > 0 ? loaded.chain : [loaded.file];
  const found = await resolveBaseline(written, chain, loaded.baselineAt ?? { file: loaded.file, line: 0, column: 0 }, bundledDir);
  return found.ok ? extendsReference(found.value.shownAs, savedFile, bundledDir) : undefined;
}
