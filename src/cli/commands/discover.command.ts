import { argument, defineCommand } from '../command-spec.js';
import { options } from './discover.options.js';

/** `article10 discover`: its arguments and options; the work is in discover.ts. */
export const discoverSpec = defineCommand({
  name: 'discover',
  summary: 'scenario discovery (PRIM): the simplest boxes of parameter ranges in which an outcome is most likely',
  arguments: [argument('<scenario>', 'scenario file or bundled name')],
  options,
  action: async ([file], flags) => (await import('./discover.js')).discoverCommand(file, flags),
});
