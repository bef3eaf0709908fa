import { argument, defineCommand } from '../command-spec.js';
import { options } from './sources.options.js';

/** `article10 sources`: its arguments and options; the work is in sources.ts. */
export const sourcesSpec = defineCommand({
  name: 'sources',
  summary: 'print the fact sheet sources that scenario values cite (S1 ... S50), and a file\'s own with --scenario',
  arguments: [argument('[ids...]', 'source ids to show (default: all)')],
  options,
  action: async ([ids], flags) => (await import('./sources.js')).sourcesCommand(ids, flags),
});
