import { findBaseline } from '../analysis/rewrite/baseline.js';
import { rewriteDistance, type RewriteDistance } from '../analysis/rewrite/rewrite-distance.js';
import type { Scenario } from '../model/scenario.js';
import type { LoadedScenario } from '../scenario/load.js';
import { printToStderr, refuseOutOver } from './output.js';

/**
 * The rewrite distance of a loaded scenario from its baseline (see findBaseline); with none,
 * from the file as written when `asWritten` gives it (the --set values are then the rewrite);
 * else undefined. A baseline that cannot be loaded is reported on stderr and the run goes on
 * without it.
 */
export async function rewriteFor(loaded: LoadedScenario, asWritten?: () => Promise<Scenario>): Promise<RewriteDistance | undefined> {
  const found = await baselineOf(loaded);
  if (found.file !== undefined || asWritten === undefined) return found.distance;
  // No baseline of its own, but --set values: they rewrite the file as written, as a file that extends it would.
  return rewriteDistance(await asWritten(), loaded.scenario);
}

/** The file of a loaded scenario's baseline (an input of the command: no output may replace it), and the rewrite distance from it. */
export async function baselineOf(loaded: LoadedScenario): Promise<{ readonly file?: string; readonly distance?: RewriteDistance }> {
  const base = await findBaseline(loaded);
  if (base.kind === 'none') return {};
  await refuseOutOver([base.file]);
  if (base.kind === 'broken') {
    printToStderr(`warning: ${loaded.file}: its baseline ${base.file} cannot be loaded, so no rewrite distance is given:\n${base.problems.join('\n')}\n`);
    return { file: base.file };
  }
  return { file: base.file, distance: rewriteDistance(base.scenario, loaded.scenario) };
}
