import { argument, defineCommand } from '../command-spec.js';
import { options } from './explain.options.js';

/** `article10 explain`: its arguments and options; the work is in explain.ts. */
export const explainSpec = defineCommand({
  name: 'explain',
  summary: 'tell one branch as a story, year by year, with the rules that fired and their sources',
  arguments: [argument('<scenario>', 'scenario file or bundled name')],
  options,
  action: async ([file], flags) => (await import('./explain.js')).explainCommand(file, flags),
});
