import { SOURCES } from '../../model/sources.js';
import { UsageError } from '../errors.js';
import { printToStdout } from '../output.js';
import type { SourcesFlags } from './sources.options.js';

/**
 * `article10 sources`: the fact sheet's source list, so every `source: S31` can be read. An
 * unknown id is a usage error before anything is printed: no half list on stdout.
 */
export async function sourcesCommand(ids: readonly string[], flags: SourcesFlags): Promise<number> {
  const wanted = ids.length > 0 ? ids : Object.keys(SOURCES);
  const unknown = wanted.filter((id) => !Object.hasOwn(SOURCES, id));
  if (unknown.length > 0) {
    const list = unknown.map((id) => JSON.stringify(id)).join(', ');
    throw new UsageError(`unknown source id${unknown.length === 1 ? '' : 's'} ${list} (article10 sources lists them all)`);
  }
  const rows = wanted.map((id) => ({ id, citation: SOURCES[id]! }));
  await printToStdout(flags.json ? JSON.stringify(rows, null, 2) + '\n' : rows.map((r) => `${r.id.padEnd(4)} ${r.citation}`).join('\n') + '\n');
  return 0;
}
