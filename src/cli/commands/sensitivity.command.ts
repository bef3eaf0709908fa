import { argument, defineCommand } from '../command-spec.js';
import { options } from './sensitivity.options.js';

/** `article10 sensitivity`: its arguments and options; the work is in sensitivity.ts. */
export const sensitivitySpec = defineCommand({
  name: 'sensitivity',
  summary: 'which assumption matters most: one-at-a-time swings as a tornado, plus Morris elementary effects',
  arguments: [argument('<scenario>', 'scenario file or bundled name')],
  options,
  action: async ([file], flags) => (await import('./sensitivity.js')).sensitivityCommand(file, flags),
});
