import { SOURCES } from '../../model/sources.js';
import { UsageError } from '../errors.js';
import { loadForCommand } from '../load.js';
import { fitWidth, prose } from '../../report/fit.js';
import { printToStdout, terminalColumns } from '../output.js';
import type { SourcesFlags } from './sources.options.js';

/**
 * `article10 sources`: the fact sheet's source list, so every `source: S31` can be read. An
 * unknown id is a usage error before anything is printed: no half list on stdout.
 */
export async function sourcesCommand(ids: readonly string[], flags: SourcesFlags): Promise<number> {
  // A scenario's own sources (R1, R2 ...) first, as its stories cite them; then the fact sheet's.
  const own = flags.scenario === undefined ? {} : (await loadForCommand(flags.scenario)).scenario.sources;
  const known = (id: string) => Object.hasOwn(own, id) || Object.hasOwn(SOURCES, id);
  const wanted = ids.length > 0 ? ids : [...Object.keys(own), ...Object.keys(SOURCES)];
  const unknown = wanted.filter((id) => !known(id));
  if (unknown.length > 0) {
    const list = unknown.map((id) => JSON.stringify(id)).join(', ');
    // R-ids are a scenario file's own: the fact sheet has none.
    const fileOwn = flags.scenario === undefined && unknown.some((id) => /^R\d+$/.test(id)) ? '; R1, R2 ... are a scenario file\'s own sources: add --scenario <file> (e.g. article10 sources R2 --scenario russia-1990)' : '';
    throw new UsageError(`unknown source id${unknown.length === 1 ? '' : 's'} ${list}${flags.scenario === undefined ? '' : ` in the fact sheet and in ${flags.scenario}`}${fileOwn} (article10 sources lists them all)`);
  }
  const rows = wanted.map((id) => ({ id, citation: Object.hasOwn(own, id) ? own[id]! : SOURCES[id]! }));
  await printToStdout(flags.json ? JSON.stringify(rows, null, 2) + '\n' : rows.flatMap((r) => prose(`${r.id.padEnd(4)} ${r.citation}`, fitWidth(terminalColumns(undefined)), '', '     ')).join('\n') + '\n');
  return 0;
}
