import { defineCommand, type FlagsOf } from '../command-spec.js';
import { json } from '../common-options.js';

const options = { json: json('print as JSON') };

export type ListFlags = FlagsOf<typeof options>;

/** `article10 list`: its options; the work is in list.ts. */
export const listSpec = defineCommand({
  name: 'list',
  summary: 'list the bundled scenarios and their decision points',
  arguments: [],
  options,
  action: async (_args, flags) => (await import('./list.js')).listCommand(flags),
});
