import { argument, defineCommand } from '../command-spec.js';
import { options } from './compare.options.js';

/** `article10 compare`: its arguments and options; the work is in compare.ts. */
export const compareSpec = defineCommand({
  name: 'compare',
  summary: 'debate mode: two scenarios on common random numbers, side by side, with paired intervals and the assumptions that differ',
  arguments: [argument('<a>', 'scenario file or bundled name (team A)'), argument('<b>', 'scenario file or bundled name (team B)')],
  options,
  action: async ([a, b], flags) => (await import('./compare.js')).compareCommand(a, b, flags),
});
