import { argument, defineCommand } from '../command-spec.js';
import { options } from './discover.options.js';

/** `article10 discover`: its arguments and options; the work is in discover.ts. */
export const discoverSpec = defineCommand({
  name: 'discover',
  summary: 'scenario discovery (PRIM): the simplest boxes of parameter ranges in which an outcome is most likely, or a target is met',
  arguments: [argument('<scenario>', 'scenario file or bundled name')],
  options,
  helpAfter: '\nExamples:\n  article10 discover russia-1990-common-home --outcome joined\n  article10 discover russia-1990 --target "vetoed<=0.5" --samples 300',
  action: async ([file], flags, given) => (await import('./discover.js')).discoverCommand(file, flags, given('outcome')),
});
