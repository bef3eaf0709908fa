import { argument, defineCommand } from '../command-spec.js';
import { options } from './validate.options.js';

/** `article10 validate`: its arguments and options; the work is in validate.ts. Exit 2 when a file has problems. */
export const validateSpec = defineCommand({
  name: 'validate',
  summary: 'check scenario files and report every problem with file:line:column',
  arguments: [argument('<scenario...>', 'scenario files, folders of them (their *.yaml and *.yml files) or bundled names')],
  options,
  action: async ([files], flags) => (await import('./validate.js')).validateCommand(files, flags),
});
