import { argument, defineCommand, type FlagsOf } from '../command-spec.js';
import { json, set } from '../common-options.js';

const options = {
  set: set(),
  json: json('print the reports as JSON'),
};

export type ValidateFlags = FlagsOf<typeof options>;

/** `article10 validate`: its arguments and options; the work is in validate.ts. Exit 2 when a file has problems. */
export const validateSpec = defineCommand({
  name: 'validate',
  summary: 'check scenario files and report every problem with file:line:column',
  arguments: [argument('<scenario...>', 'scenario files or bundled names')],
  options,
  action: async ([files], flags) => (await import('./validate.js')).validateCommand(files, flags),
});
