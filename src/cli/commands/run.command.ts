import { argument, defineCommand } from '../command-spec.js';
import { options } from './run.options.js';

/** `article10 run`: its arguments and options; the work is in run.ts, loaded when it runs. */
export const runSpec = defineCommand({
  name: 'run',
  summary: 'run scenarios and summarise outcomes, funnel, accession years and blockers',
  arguments: [argument('<scenario...>', 'scenario files, or bundled names such as russia-2000')],
  options,
  action: async ([files], flags) => (await import('./run.js')).runCommand(files, flags),
});
