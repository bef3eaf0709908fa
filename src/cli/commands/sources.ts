import { SOURCES } from '../../model/sources.js';
import { printToStderr } from '../output.js';

/** `article10 sources`: the fact sheet's source list, so every `source: S31` can be read. */
export function sourcesCommand(ids: readonly string[], flags: { json?: boolean }): number {
  const wanted = ids.length > 0 ? ids : Object.keys(SOURCES);
  const unknown = wanted.filter((id) => !Object.hasOwn(SOURCES, id));
  const rows = wanted.filter((id) => Object.hasOwn(SOURCES, id)).map((id) => ({ id, citation: SOURCES[id]! }));
  if (flags.json) process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
  else process.stdout.write(rows.map((r) => `${r.id.padEnd(4)} ${r.citation}`).join('\n') + '\n');
  for (const id of unknown) printToStderr(`unknown source id: ${id}\n`);
  return unknown.length > 0 ? 2 : 0;
}
